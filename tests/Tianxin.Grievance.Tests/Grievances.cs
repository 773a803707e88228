using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Grievance.Features.Cases;
using Tianxin.Grievance.Features.Defects;
using Tianxin.Grievance.Features.LegalAid;
using Tianxin.Grievance.Features.Referrals;
using Tianxin.Grievance.Features.WorkOrders;

namespace Tianxin.Grievance.Tests;

/// <summary>A clock the test moves: the grievance clocks are about days passing.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Noon in China on <paramref name="day"/>.</summary>
    public static ManualClock On(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero));

    public void MoveTo(DateOnly day) => Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero);
}

/// <summary>The grievance service's handlers over one test database and clock, and the staff who use them.</summary>
public sealed class Grievances(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const string NewTian = "430103001001"; // 裕南街街道 新天社区
    public const string Qingyuan = "430103006001";

    public static readonly PersonalDataProtector Protector = new(Options.Create(new PersonalDataOptions
    {
        ActiveKeyId = "test", EncryptionKeys = { ["test"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
        BlindIndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    }));

    public NpgsqlDataSource DataSource => dataSource;
    public CaseRecords Records { get; } = new(new Outbox(), clock);
    public CaseSteps Steps => new(dataSource);
    public ReceiveCase Receive => new(dataSource, Records, Protector, clock);
    public RouteCase Route => new(dataSource, new Outbox(), clock);
    public DecideAcceptance Acceptance => new(Steps, clock);
    public ExtendCase Extension => new(Steps);
    public ReplyToCase Reply => new(Steps, new Outbox(), clock);
    public RequestReview Review => new(Steps, clock);
    public CloseCase Close => new(Steps, new Outbox(), clock);
    public AtRiskCases AtRisk => new(dataSource, clock);
    public CaseReads Reads => new(dataSource, Protector, new AuditTrail(dataSource), clock);
    public PushWorkOrder Push => new(dataSource, Records, Protector, clock);
    public StaffOrderSteps Street => new(new WorkOrderSteps(dataSource), new Outbox(), clock);
    public HotlineOrderSteps Hotline => new(new WorkOrderSteps(dataSource), new Outbox(), clock);
    public ReferCase Refer => new(dataSource, new Outbox(), clock);
    public ReportDefect ReportDefect => new(dataSource, clock);
    public AdvanceDefect AdvanceDefect => new(dataSource, new Outbox(), clock);
    public LegalAidSteps LegalAid => new(dataSource, new Outbox(), clock);

    public static Actor Staff(string area, string role = PlatformRoles.StreetStaff, string name = "worker") =>
        new(name, new ClaimsPrincipal(new ClaimsIdentity([new Claim(PlatformClaims.Role, role), new Claim(Callers.PreferredUserName, name)], "test")),
            new AreaScope(AreaCode.TryParse(area)!), null);

    public static Actor District => Staff("430103", PlatformRoles.DistrictOfficer, "officer");
    public static Actor Yunan => Staff("430103001");
    public static Actor QingyuanStreet => Staff("430103006");

    public async Task<Guid> PetitionAsync(Actor actor, DateOnly receivedOn, string community = NewTian, Guid? person = null)
    {
        var received = await Receive.HandleAsync(new CaseRequest("petition", "letter", person, person is null ? "王小明" : null,
            person is null ? "13812345678" : null, "rent", community, "房东拖欠退还押金", receivedOn), actor, default);
        return received.Value;
    }

    public async Task<int> CountAsync(string sql, params object?[] values) => (int)await dataSource.Command(sql, values).ScalarAsync<long>(default);
}
