using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Eligibility;
using Tianxin.Employment.DemoData;
using Tianxin.Employment.Features.Care;
using Tianxin.Employment.Features.Employers;
using Tianxin.Employment.Features.Fairs;
using Tianxin.Employment.Features.Figures;
using Tianxin.Employment.Features.LabourCases;
using Tianxin.Employment.Features.Payments;
using Tianxin.Employment.Features.Postings;
using Tianxin.Employment.Features.Posts;
using Tianxin.Employment.Features.Seekers;
using Tianxin.Employment.Features.SocialInsurance;
using Tianxin.Employment.Features.Training;
using Tianxin.Employment.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("employment", "就业托养 Employment and care"),
    messaging => messaging.AddConsumer<EligibilityCopyConsumer>().AddConsumer<DisputeReferralConsumer>());
builder.Services.AddEligibilityCopy().AddFunding()
    .AddSeekers().AddEmployers().AddPostings().AddTraining().AddPayments().AddCare().AddFairs().AddLabourCases().AddPosts().AddSocialInsurance().AddFigures().AddDemoData(builder.Configuration);

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<EmploymentGrpcService>();
app.MapFunding();
app.MapSeekersApi();
app.MapEmployersApi();
app.MapPostingsApi();
app.MapTrainingApi();
app.MapPaymentsApi();
app.MapCareApi();
app.MapFairsApi();
app.MapLabourCasesApi();
app.MapPostsApi();
app.MapFiguresApi();
await app.RunPlatformServiceAsync();
