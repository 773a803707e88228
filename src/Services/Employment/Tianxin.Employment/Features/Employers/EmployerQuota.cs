using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Employers;

/// <summary>Every employer's declaration for a year assessed against the rules in force: the quota compliance list.</summary>
public sealed class EmployerQuota(NpgsqlDataSource dataSource)
{
    public async Task<List<QuotaAssessment>?> ForYearAsync(int year, Guid? employerId, CancellationToken cancellationToken)
    {
        if (await QuotaRule.InForceAsync(dataSource, year, cancellationToken) is not { } rule)
        {
            return null;
        }
        var declared = await dataSource.Command(
                """
                select employer_id, year, headcount, disabled_employees, severe_employees, average_wage from employer_years
                where year = $1 and ($2::uuid is null or employer_id = $2) order by employer_id
                """, year, employerId)
            .ReadAllAsync(reader => new EmployerYear(reader.Get<Guid>("employer_id"), reader.Get<int>("year"), reader.Get<int>("headcount"),
                reader.Get<int>("disabled_employees"), reader.Get<int>("severe_employees"), reader.Get<decimal>("average_wage")), cancellationToken);
        return declared.Select(d => QuotaAssessment.Of(rule, d)).ToList();
    }
}
