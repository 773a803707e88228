using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.Eligibility;
using Tianxin.Relief.DemoData;
using Tianxin.Relief.Features.Campaigns;
using Tianxin.Relief.Features.Cases;
using Tianxin.Relief.Features.Contributions;
using Tianxin.Relief.Features.EducationAid;
using Tianxin.Relief.Features.Enrolments;
using Tianxin.Relief.Features.Figures;
using Tianxin.Relief.Features.HomeModifications;
using Tianxin.Relief.Features.PaymentRuns;
using Tianxin.Relief.Features.Subsidies;
using Tianxin.Relief.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("relief", "帮扶救助 Relief"),
    messaging => messaging.AddConsumer<EligibilityCopyConsumer>().AddConsumer<SubsidyDiscoveryConsumer>().AddConsumer<HardshipReferralConsumer>());
builder.AddPersonalDataProtection(
    new EncryptedColumn("enrolments", "bank_account", AcceptEnrolment.AccountPurpose),
    new EncryptedColumn("enrolments", "account_holder", AcceptEnrolment.HolderPurpose));
builder.Services.AddEligibilityCopy().AddFunding()
    .AddSubsidies().AddEnrolments().AddPaymentRuns().AddCases(builder.Configuration).AddHomeModifications().AddCampaigns().AddEducationAid().AddContributions().AddFigures().AddDemoData(builder.Configuration);

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<ReliefGrpcService>();
app.MapFunding();
app.MapSubsidiesApi();
app.MapEnrolmentsApi();
app.MapPaymentRunsApi();
app.MapCasesApi();
app.MapHomeModificationsApi();
app.MapCampaignsApi();
app.MapEducationAidApi();
app.MapContributionsApi();
app.MapFiguresApi();
await app.RunPlatformServiceAsync();
