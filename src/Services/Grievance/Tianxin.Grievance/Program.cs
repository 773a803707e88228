using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.Grievance.DemoData;
using Tianxin.Grievance.Features.Attachments;
using Tianxin.Grievance.Features.Cases;
using Tianxin.Grievance.Features.Defects;
using Tianxin.Grievance.Features.Figures;
using Tianxin.Grievance.Features.LegalAid;
using Tianxin.Grievance.Features.Referrals;
using Tianxin.Grievance.Features.WorkOrders;
using Tianxin.Grievance.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("grievance", "权益维护 Rights and grievances"),
    messaging => messaging.AddConsumer<ReliefGrantedConsumer>().AddConsumer<ReliefRefusedConsumer>().AddConsumer<EmploymentOutcomeConsumer>());
builder.AddPersonalDataProtection(
    new EncryptedColumn("grievance_cases", "complainant_name", Complainant.NamePurpose),
    new EncryptedColumn("grievance_cases", "complainant_phone", Complainant.PhonePurpose));
builder.Services.AddCases().AddWorkOrders().AddReferrals().AddLegalAid().AddDefects().AddAttachments().AddDemoData(builder.Configuration);

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<GrievanceGrpcService>();
app.MapCasesApi();
app.MapWorkOrdersApi();
app.MapReferralsApi();
app.MapLegalAidApi();
app.MapDefectsApi();
app.MapAttachmentsApi();
app.MapFiguresApi();
await app.RunPlatformServiceAsync();
