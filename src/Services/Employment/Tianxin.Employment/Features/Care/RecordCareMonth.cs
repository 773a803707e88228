using System.Globalization;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Employment;
using Tianxin.Eligibility;
using Tianxin.Employment.Features.Payments;

namespace Tianxin.Employment.Features.Care;

/// <param name="Month">"yyyy-MM".</param>
/// <param name="Services">What was provided, e.g. 康复训练、生活照料、心理疏导.</param>
public sealed record CareMonthRequest(string? Month, int? DaysServed, string? Services);

/// <summary>
/// A care institution records a month it served an enrolment of its own, once; the month's subsidy (the
/// standard of the year's day_care or home_care programme) is paid in the same transaction, or nothing is written.
/// </summary>
public sealed class RecordCareMonth(NpgsqlDataSource dataSource, EligibilityCopy copy, ProgrammePayments payments, Outbox outbox, TimeProvider clock)
{
    public Task<Outcome<CareEnrolment>> HandleAsync(Guid enrolmentId, CareMonthRequest request, string institution, CancellationToken cancellationToken) =>
        dataSource.StepAsync(transaction => CareEnrolment.LockAsync(transaction, enrolmentId, cancellationToken), async (transaction, found) =>
        {
            if (found.Institution != institution)
            {
                return new Failure.Forbidden("该托养对象不属于本机构 / The enrolment is another institution's");
            }
            var today = clock.TodayInChina();
            if (!DateOnly.TryParseExact($"{request.Month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
                || month > today || month < new DateOnly(found.StartsOn.Year, found.StartsOn.Month, 1)
                || found.EndsOn is { } end && month > end)
            {
                return Failure.Field("month", "服务月份（yyyy-MM）在托养期间内且不晚于本月 / A month (yyyy-MM) of the enrolment, not after this one.",
                    CareRules.InvalidTitle);
            }
            if (request.DaysServed is not { } days || days < 1 || days > DateTime.DaysInMonth(month.Year, month.Month))
            {
                return Failure.Field("daysServed", "服务天数为1至当月天数 / Days served are 1 to the days of the month.", CareRules.InvalidTitle);
            }
            if (string.IsNullOrWhiteSpace(request.Services) || !PlainText.IsValid(request.Services.Trim(), 200))
            {
                return Failure.Field("services", "请填写服务内容（不超过200字） / Say what was provided, at most 200 characters.", CareRules.InvalidTitle);
            }
            if (await transaction.Command("select exists (select 1 from care_service_months where enrolment_id = $1 and month = $2)", enrolmentId, month)
                    .ScalarAsync<bool>(cancellationToken))
            {
                return new Failure.Duplicate("该月服务已登记 / This month is already recorded");
            }
            if (await PaymentProgramme.FindByCodeAsync(dataSource, found.Kind, month.Year, cancellationToken) is not { PeriodKind: "month" } programme)
            {
                return new Failure.Conflict("该年度没有按月发放的托养补贴项目 / No monthly care programme for this year", $"Programme code {found.Kind}.",
                    "no_programme");
            }
            var person = (await copy.FindAsync(found.PersonId, AreaScope.District, cancellationToken))!;
            var paid = await payments.PayAsync(transaction, programme, person, request.Month!, Yuan.Of(programme.MaxAmount), "bank_transfer", institution,
                cancellationToken);
            if (!paid.Succeeded)
            {
                return paid.Failure!;
            }
            await transaction.Command(
                """
                insert into care_service_months (enrolment_id, month, days_served, services, payment_id, recorded_by)
                values ($1, $2, $3, $4, $5, $6)
                """, enrolmentId, month, days, request.Services!.Trim(), paid.Value.PaymentId, institution).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new CareServiceRecorded(enrolmentId, found.PersonId, found.Kind, request.Month!, days,
                programme.MaxAmount, clock.GetUtcNow()), cancellationToken);
            return true;
        }, () => CareEnrolment.FindAsync(dataSource, enrolmentId, cancellationToken), cancellationToken);
}
