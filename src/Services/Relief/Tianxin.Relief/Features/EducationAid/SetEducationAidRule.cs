using Npgsql;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Relief.Features.Schooling;

namespace Tianxin.Relief.Features.EducationAid;

/// <param name="Source">The notice the amount comes from, e.g. 长残联发〔2026〕5号.</param>
public sealed record EducationAidRuleRequest(decimal? Amount, string? Source);

/// <summary>The district sets the aid of a school stage for a year.</summary>
public sealed class SetEducationAidRule(NpgsqlDataSource dataSource)
{
    public async Task<Outcome<EducationAidRule>> HandleAsync(int year, string stage, EducationAidRuleRequest request, string by,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < 2000 or > 2100)
        {
            errors["year"] = ["年度为2000至2100年 / A year from 2000 to 2100."];
        }
        var known = await SchoolStages.CheckAsync(dataSource, stage, errors, cancellationToken);
        var amount = Yuan.Check(request.Amount, "amount", errors, 100_000m, positive: true);
        if (string.IsNullOrWhiteSpace(request.Source) || !PlainText.IsValid(request.Source.Trim(), 200))
        {
            errors["source"] = ["请写明依据文件（不超过200字） / Name the notice, in at most 200 characters."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, "就学救助标准有误 / The education aid rule has errors");
        }
        await dataSource.Command(
            """
            insert into education_aid_rules (year, stage, amount, source, updated_by) values ($1, $2, $3, $4, $5)
            on conflict (year, stage) do update set amount = excluded.amount, source = excluded.source, updated_by = excluded.updated_by
            """, year, known!.Code, amount!.Value.Amount, request.Source!.Trim(), by).ExecuteAsync(cancellationToken);
        return new EducationAidRule(year, known.Code, known.Name, amount.Value.Amount, request.Source.Trim());
    }
}
