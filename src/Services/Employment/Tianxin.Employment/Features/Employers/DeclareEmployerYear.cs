using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Employment;

namespace Tianxin.Employment.Features.Employers;

/// <param name="SevereEmployees">Of the disabled employees, those with a grade 1–2 certificate.</param>
/// <param name="AverageWage">The employer's average yearly wage in yuan.</param>
public sealed record EmployerYearRequest(int? Headcount, int? DisabledEmployees, int? SevereEmployees, decimal? AverageWage);

/// <summary>An employer's yearly declaration (按比例就业年审), assessed at once against the year's quota rules.</summary>
public sealed class DeclareEmployerYear(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    public async Task<Outcome<QuotaAssessment>> HandleAsync(Guid employerId, int year, EmployerYearRequest request, string by,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < 2000 or > 2100)
        {
            errors["year"] = ["年度应为2000至2100 / The year is 2000 to 2100."];
        }
        if (request.Headcount is not (>= 0 and <= 1_000_000))
        {
            errors["headcount"] = ["在职职工人数应为0至1000000 / Headcount is 0 to 1,000,000."];
        }
        if (request.DisabledEmployees is not >= 0)
        {
            errors["disabledEmployees"] = ["残疾职工人数不能为负 / Disabled employees are 0 or more."];
        }
        else if (request.DisabledEmployees > request.Headcount)
        {
            errors["headcount"] = ["在职职工人数不能少于残疾职工人数 / Headcount is at least the disabled employees."];
        }
        if (request.SevereEmployees is not >= 0 || request.SevereEmployees > request.DisabledEmployees)
        {
            errors["severeEmployees"] = ["一、二级残疾职工为0至残疾职工人数 / Grade 1–2 employees are 0 to the disabled employees."];
        }
        var wage = Yuan.Check(request.AverageWage, "averageWage", errors, 10_000_000m);
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, "年审信息有误 / The declaration has errors");
        }
        if (await QuotaRule.InForceAsync(dataSource, year, cancellationToken) is not { } rule)
        {
            return new Failure.Conflict("该年度没有按比例就业规则 / No quota rules for this year", null, "no_rules");
        }
        var declared = new EmployerYear(employerId, year, request.Headcount!.Value, request.DisabledEmployees!.Value, request.SevereEmployees!.Value,
            wage!.Value.Amount);
        var assessment = QuotaAssessment.Of(rule, declared);
        return await dataSource.InTransactionAsync(async transaction =>
        {
            if (!await transaction.Command("select exists (select 1 from employers where id = $1)", employerId).ScalarAsync<bool>(cancellationToken))
            {
                return (Outcome<QuotaAssessment>)new Failure.NotFound("没有此用人单位 / No such employer");
            }
            await transaction.Command(
                """
                insert into employer_years (employer_id, year, headcount, disabled_employees, severe_employees, average_wage, declared_by)
                values ($1, $2, $3, $4, $5, $6, $7)
                on conflict (employer_id, year) do update
                    set headcount = excluded.headcount, disabled_employees = excluded.disabled_employees, severe_employees = excluded.severe_employees,
                        average_wage = excluded.average_wage, declared_by = excluded.declared_by, declared_at = now()
                """, employerId, year, declared.Headcount, declared.DisabledEmployees, declared.SevereEmployees, declared.AverageWage, by)
                .ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new QuotaAssessed(employerId, year, declared.Headcount, assessment.Required, assessment.Counted,
                assessment.Shortfall, assessment.Fund, assessment.Exempt, clock.GetUtcNow()), cancellationToken);
            return assessment;
        }, cancellationToken);
    }
}
