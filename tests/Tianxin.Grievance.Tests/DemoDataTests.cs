using Tianxin.BuildingBlocks.Messaging;
using Tianxin.Grievance.DemoData;
using Tianxin.Grievance.Features.Figures;

namespace Tianxin.Grievance.Tests;

/// <summary>The demo goes through the handlers on its own days: every step is accepted, and 2019 comes out in the report's shape.</summary>
[Collection(GrievanceDatabaseCollection.Name)]
public sealed class DemoDataTests(GrievanceDatabase database)
{
    [Fact]
    public async Task The_demo_seeds_the_2019_shape_and_open_cases_once()
    {
        await using var dataSource = await database.NewAsync();
        var data = new DemoGrievanceData(dataSource, new DemoHandlers(dataSource, new Outbox(), Grievances.Protector, TimeProvider.System), TimeProvider.System);
        var grievances = new Grievances(dataSource, TimeProvider.System);

        await data.SeedAsync(default);
        var cases = await grievances.CountAsync("select count(*) from grievance_cases");
        await data.SeedAsync(default);
        var figures = await GrievanceFigures.FindAsync(dataSource, 2019, Grievances.District.Scope, default);

        Assert.Equal(cases, await grievances.CountAsync("select count(*) from grievance_cases"));
        Assert.Equal((3, 2, 0), (figures.Petitions.Received, figures.Petitions.Replied, figures.Petitions.EscalatedBeyondDistrict));
        Assert.Equal(new WorkOrderFigures(5, 5, 5, 5, 5, 5, 5), figures.WorkOrders);
        Assert.Equal(new LegalAidFigures(2, 24, 1), figures.LegalAid);
        Assert.Equal((22, 16, 16), (figures.Defects.Found, figures.Defects.Fixed, figures.Defects.Verified));
        Assert.Equal(4, await grievances.CountAsync(
            "select count(distinct stage) from grievance_cases where received_on >= date_trunc('year', now())::date and stage in ('acceptance', 'handling', 'replied', 'review')"));
    }
}
