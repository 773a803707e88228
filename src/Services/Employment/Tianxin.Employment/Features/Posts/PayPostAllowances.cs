using System.Globalization;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Employment.Features.Payments;

namespace Tianxin.Employment.Features.Posts;

/// <param name="Month">"yyyy-MM", not after this month.</param>
public sealed record AllowanceRequest(string? Month);

/// <param name="Holders">Persons who held the post at some time in the month.</param>
/// <param name="NotPaid">Left unpaid because the budget ran out (paid by a later call once there is budget).</param>
public sealed record AllowanceResult(string Month, int Holders, int Paid, int AlreadyPaid, int NotPaid);

/// <summary>
/// A month's allowances of a post: everyone who held it in the month is paid its monthly allowance from the
/// year's public_welfare_post programme, once per person and month; calling again pays only those not yet paid.
/// </summary>
public sealed class PayPostAllowances(NpgsqlDataSource dataSource, ProgrammePayments payments, TimeProvider clock)
{
    public const string Programme = "public_welfare_post";

    public async Task<Outcome<AllowanceResult>> HandleAsync(Guid postId, AllowanceRequest request, string by, CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        if (!DateOnly.TryParseExact($"{request.Month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            || month > today)
        {
            return Failure.Field("month", "月份格式为 yyyy-MM，不晚于本月 / A month (yyyy-MM) not after this one.");
        }
        if (await PublicWelfarePost.FindAsync(dataSource, postId, cancellationToken) is not { } post)
        {
            return new Failure.NotFound("没有此公益性岗位 / No such post");
        }
        if (await PaymentProgramme.FindByCodeAsync(dataSource, Programme, month.Year, cancellationToken) is not { PeriodKind: "month" } programme)
        {
            return new Failure.Conflict("该年度没有按月发放的公益性岗位补贴项目 / No monthly public-welfare post programme for this year", null,
                "no_programme");
        }
        if (post.MonthlyAllowance > programme.MaxAmount)
        {
            return new Failure.Conflict("岗位补贴高于项目标准 / The post's allowance is above the programme's standard", null, "standard");
        }
        var holders = await dataSource.Command(
                """
                select distinct person_id from employment_records
                where post_id = $1 and started_on <= $3 and (ended_on is null or ended_on >= $2) order by person_id
                """, postId, month, month.AddMonths(1).AddDays(-1))
            .ReadAllAsync(reader => reader.Get<Guid>("person_id"), cancellationToken);
        var done = await payments.PayEachAsync(programme, holders, request.Month!, Yuan.Of(post.MonthlyAllowance), by, cancellationToken);
        return new AllowanceResult(request.Month!, holders.Count, done.Paid, done.AlreadyPaid, done.NotPaid);
    }
}
