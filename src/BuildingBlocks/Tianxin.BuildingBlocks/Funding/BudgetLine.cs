namespace Tianxin.BuildingBlocks.Funding;

/// <summary>A programme's money for one year: what is granted (committed, spent included) never exceeds the budget.</summary>
public sealed record BudgetLine(Guid Id, string Programme, int Year, decimal Budget, decimal Committed, decimal Spent)
{
    public decimal Left => Budget - Committed;
}
