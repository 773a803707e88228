using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.Eligibility;
using Tianxin.Employment.Features.Payments;
using Tianxin.Employment.Features.Posts;
using Tianxin.Employment.Features.Seekers;

namespace Tianxin.Employment.Tests;

[Collection(EmploymentDatabaseCollection.Name)]
public sealed class PublicWelfarePostTests(EmploymentDatabase database)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Fact]
    public async Task A_post_holds_its_places_and_pays_each_holder_of_the_month_once()
    {
        await using var dataSource = await database.NewAsync();
        var today = Clock.TodayInChina();
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        await new CreatePaymentProgramme(dataSource).HandleAsync(
            new PaymentProgrammeRequest(PayPostAllowances.Programme, month.Year, "公益性岗位补贴", 10_000m, 1_500m, "month"), "test", default);
        var post = (await new CreatePost(dataSource).HandleAsync(new PostRequest("社区助残协理员", "430103001001", 2, 1_200m), "test", default)).Value;
        var start = new RecordEmployment(dataSource, new EligibilityCopy(dataSource), new EmploymentRecords(new Outbox(), Clock), Clock);
        var first = await CopiedPersons.AddAsync(dataSource);
        var second = await CopiedPersons.AddAsync(dataSource);
        await start.StartAsync(first, new EmploymentStartRequest("public_welfare_post", null, month, post.Id), AreaScope.District, "w", default);
        await start.StartAsync(second, new EmploymentStartRequest("public_welfare_post", null, month.AddDays(3), post.Id), AreaScope.District, "w", default);
        var full = await start.StartAsync(await CopiedPersons.AddAsync(dataSource), new EmploymentStartRequest("public_welfare_post", null, month, post.Id),
            AreaScope.District, "w", default);
        var wrongKind = await start.StartAsync(await CopiedPersons.AddAsync(dataSource), new EmploymentStartRequest("flexible", null, month, post.Id),
            AreaScope.District, "w", default);
        await start.EndAsync(second, new EmploymentEndRequest(month.AddDays(10), "合同到期"), AreaScope.District, default);
        var pay = new PayPostAllowances(dataSource, new ProgrammePayments(dataSource, new EligibilityCopy(dataSource), new Outbox(), Clock), Clock);
        var monthText = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var paid = (await pay.HandleAsync(post.Id, new AllowanceRequest(monthText), "officer", default)).Value;
        var again = (await pay.HandleAsync(post.Id, new AllowanceRequest(monthText), "officer", default)).Value;
        var future = await pay.HandleAsync(post.Id, new AllowanceRequest(today.AddMonths(1).ToString("yyyy-MM", null)), "officer", default);

        Assert.Equal("places", Assert.IsType<Failure.Conflict>(full.Failure).Rule);
        Assert.Contains("postId", Assert.IsType<Failure.Invalid>(wrongKind.Failure).Errors.Keys);
        Assert.Equal(new AllowanceResult(monthText, 2, 2, 0, 0), paid); // the one who left on the 11th held it that month
        Assert.Equal(new AllowanceResult(monthText, 2, 0, 2, 0), again);
        Assert.Contains("month", Assert.IsType<Failure.Invalid>(future.Failure).Errors.Keys);
        Assert.Equal(1, (await PublicWelfarePost.FindAsync(dataSource, post.Id, default))!.Held);
    }
}
