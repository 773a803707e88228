using Npgsql;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.Grievance.Features.Cases;
using Tianxin.Grievance.Features.Defects;
using Tianxin.Grievance.Features.LegalAid;
using Tianxin.Grievance.Features.WorkOrders;

namespace Tianxin.Grievance.DemoData;

/// <summary>The service's own handlers on the demo's clock.</summary>
public sealed class DemoHandlers(NpgsqlDataSource dataSource, Outbox outbox, PersonalDataProtector protector, TimeProvider real)
{
    public DemoClock Clock { get; } = new(real);

    private CaseRecords Records => new(outbox, Clock);
    private CaseSteps Steps => new(dataSource);
    public ReceiveCase Receive => new(dataSource, Records, protector, Clock);
    public DecideAcceptance Acceptance => new(Steps, Clock);
    public ReplyToCase Reply => new(Steps, outbox, Clock);
    public RequestReview Review => new(Steps, Clock);
    public CloseCase Close => new(Steps, outbox, Clock);
    public RouteCase Route => new(dataSource, outbox, Clock);
    public PushWorkOrder Push => new(dataSource, Records, protector, Clock);
    public StaffOrderSteps Street => new(new WorkOrderSteps(dataSource), outbox, Clock);
    public HotlineOrderSteps Hotline => new(new WorkOrderSteps(dataSource), outbox, Clock);
    public LegalAidSteps LegalAid => new(dataSource, outbox, Clock);
    public ReportDefect ReportDefect => new(dataSource, Clock);
    public AdvanceDefect AdvanceDefect => new(dataSource, outbox, Clock);
}
