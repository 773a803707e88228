using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Employment;
using Tianxin.Employment.Features.Care;
using Tianxin.Employment.Features.Fairs;
using Tianxin.Employment.Features.Postings;
using Tianxin.Employment.Features.Seekers;
using Tianxin.Employment.Features.SocialInsurance;
using Tianxin.Employment.Features.Training;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Employment.V1;
using Domain = Tianxin.Employment.Features;
using Proto = Tianxin.Protos.Employment.V1;

namespace Tianxin.Employment.Grpc;

/// <summary>Thin: a school or bureau acts as its client id; each method reads its proto, calls the same handler as REST and maps the answer.</summary>
[BindServiceMethod(typeof(EmploymentGrpcService), nameof(BindService))]
public sealed class EmploymentGrpcService(
    ServiceInfoSource info, NpgsqlDataSource dataSource, CreateCourse createCourse, EnrolTrainee enrol, RecordAttendance attendance,
    CompleteTraining complete, RecogniseHardToEmploy hardToEmploy, RecordCareMonth careMonth, RecordSocialInsurance socialInsurance,
    HoldJobFair fairs, CreatePosting createPosting)
    : EmploymentService.EmploymentServiceBase
{
    public static void BindService(ServiceBinderBase binder, EmploymentService.EmploymentServiceBase service) =>
        EmploymentService.BindService(new MalformedRequests(binder), service);

    private const string NotAnEnrolment = "报名编号无效 / Not an enrolment id.";

    public override Task<Protos.Common.V1.ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        info.DescribeForGrpc();

    [Authorize(Policy = EmploymentScopes.TrainingWrite)]
    public override Task<Proto.Course> CreateCourse(CreateCourseRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var startsOn = GrpcFields.Date(request.StartsOn, "startsOn", errors);
        var endsOn = GrpcFields.Date(request.EndsOn, "endsOn", errors);
        GrpcFields.ThrowIfAny(errors, TrainingRules.InvalidTitle);
        return createCourse.HandleAsync(new CourseRequest(request.Name, request.Kind, startsOn, endsOn, request.Capacity), GrpcCallers.PartnerOf(context),
            context.CancellationToken).ToGrpc(ToProto);
    }

    [Authorize(Policy = EmploymentScopes.TrainingWrite)]
    public override async Task<ListCoursesResponse> ListCourses(ListCoursesRequest request, ServerCallContext context) =>
        new() { Courses = { (await Domain.Training.Course.ListAsync(dataSource, GrpcCallers.PartnerOf(context), context.CancellationToken)).Select(ToProto) } };

    [Authorize(Policy = EmploymentScopes.TrainingWrite)]
    public override Task<Proto.TrainingEnrolment> EnrolTrainee(EnrolTraineeRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var courseId = GrpcFields.Id(request.CourseId, "courseId", errors, "课程编号无效 / Not a course id.");
        var personId = GrpcFields.Id(request.PersonId, "personId", errors, "人员编号无效 / Not a person id.");
        var enrolledOn = GrpcFields.Date(request.EnrolledOn, "enrolledOn", errors);
        GrpcFields.ThrowIfAny(errors, TrainingRules.InvalidTitle);
        return enrol.HandleAsync(courseId, new EnrolmentRequest(personId, enrolledOn), GrpcCallers.PartnerOf(context), context.CancellationToken)
            .ToGrpc(ToProto);
    }

    [Authorize(Policy = EmploymentScopes.TrainingWrite)]
    public override Task<Proto.TrainingEnrolment> RecordAttendance(RecordAttendanceRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var id = GrpcFields.Id(request.EnrolmentId, "enrolmentId", errors, NotAnEnrolment);
        var sessionOn = GrpcFields.Date(request.SessionOn, "sessionOn", errors);
        GrpcFields.ThrowIfAny(errors, TrainingRules.InvalidTitle);
        return attendance.HandleAsync(id, new AttendanceRequest(sessionOn, request.Present), GrpcCallers.PartnerOf(context), context.CancellationToken)
            .ToGrpc(ToProto);
    }

    [Authorize(Policy = EmploymentScopes.TrainingWrite)]
    public override Task<Proto.TrainingEnrolment> RecordCompletion(RecordCompletionRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var id = GrpcFields.Id(request.EnrolmentId, "enrolmentId", errors, NotAnEnrolment);
        var completedOn = GrpcFields.Date(request.CompletedOn, "completedOn", errors);
        GrpcFields.ThrowIfAny(errors, TrainingRules.InvalidTitle);
        return complete.HandleAsync(id, new CompletionRequest(completedOn, string.IsNullOrEmpty(request.CertificateNo) ? null : request.CertificateNo),
            GrpcCallers.PartnerOf(context), context.CancellationToken).ToGrpc(ToProto);
    }

    [Authorize(Policy = EmploymentScopes.SeekersHr)]
    public override Task<Proto.Seeker> RecogniseHardToEmploy(RecogniseHardToEmployRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var personId = GrpcFields.Id(request.PersonId, "personId", errors, "人员编号无效 / Not a person id.");
        var on = GrpcFields.Date(request.On, "on", errors);
        GrpcFields.ThrowIfAny(errors);
        return hardToEmploy.HandleAsync(new HardToEmployRequest(personId, request.Recognised, on), AreaScope.District, context.CancellationToken)
            .ToGrpc(seeker => new Proto.Seeker
            {
                PersonId = seeker.PersonId.ToString(), CommunityCode = seeker.CommunityCode, HardToEmploy = seeker.HardToEmploy,
                HardToEmployOn = GrpcFields.Text(seeker.HardToEmployOn),
            });
    }

    [Authorize(Policy = EmploymentScopes.SeekersHr)]
    public override Task<SocialInsuranceStatus> ReportSocialInsurance(ReportSocialInsuranceRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var personId = GrpcFields.Id(request.PersonId, "personId", errors, "人员编号无效 / Not a person id.");
        GrpcFields.ThrowIfAny(errors);
        return socialInsurance.HandleAsync(new SocialInsuranceReport(personId, request.Year, request.Pension, request.Medical),
                GrpcCallers.PartnerOf(context), context.CancellationToken)
            .ToGrpc(status => new SocialInsuranceStatus
            {
                PersonId = status.PersonId.ToString(), Year = status.Year ?? 0, Pension = status.Pension, Medical = status.Medical,
            });
    }

    [Authorize(Policy = EmploymentScopes.SeekersHr)]
    public override async Task<ListOpenPostingsResponse> ListOpenPostings(ListOpenPostingsRequest request, ServerCallContext context) =>
        new() { Postings = { (await Domain.Postings.Posting.OpenAsync(dataSource, null, context.CancellationToken)).Select(ToProto) } };

    [Authorize(Policy = EmploymentScopes.SeekersHr)]
    public override Task<Proto.Posting> CreatePosting(CreatePostingRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var employerId = GrpcFields.Id(request.EmployerId, "employerId", errors, "单位编号无效 / Not an employer id.");
        GrpcFields.ThrowIfAny(errors, Domain.Postings.CreatePosting.InvalidTitle);
        return createPosting.HandleAsync(
                new PostingRequest(employerId, request.Title, request.CommunityCode is "" ? null : request.CommunityCode, request.Categories,
                    request.MinGrade, request.MaxGrade, request.HasAccessible ? request.Accessible : null, request.Hours, request.Skills, request.Openings),
                GrpcCallers.PartnerOf(context), context.CancellationToken)
            .ToGrpc(ToProto);
    }

    private static Proto.Posting ToProto(Domain.Postings.Posting posting) => new()
    {
        Id = posting.Id.ToString(), EmployerId = posting.EmployerId.ToString(), Title = posting.Title, CommunityCode = posting.CommunityCode,
        Categories = { posting.Categories }, MinGrade = posting.MinGrade, MaxGrade = posting.MaxGrade, Accessible = posting.Accessible,
        Hours = posting.Hours, Skills = { posting.Skills }, Openings = posting.Openings,
    };

    [Authorize(Policy = EmploymentScopes.SeekersHr)]
    public override Task<Proto.JobFair> CreateJobFair(CreateJobFairRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var heldOn = GrpcFields.Date(request.HeldOn, "heldOn", errors);
        GrpcFields.ThrowIfAny(errors);
        return fairs.CreateAsync(new JobFairRequest(request.Name, heldOn, request.CommunityCode, request.AttributionDays == 0 ? null : request.AttributionDays),
            GrpcCallers.PartnerOf(context), context.CancellationToken).ToGrpc(ToProto);
    }

    [Authorize(Policy = EmploymentScopes.SeekersHr)]
    public override Task<Proto.JobFair> AddFairEmployer(AddFairEmployerRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var fairId = GrpcFields.Id(request.FairId, "fairId", errors, "招聘会编号无效 / Not a fair id.");
        var employerId = GrpcFields.Id(request.EmployerId, "employerId", errors, "单位编号无效 / Not an employer id.");
        GrpcFields.ThrowIfAny(errors);
        return fairs.AddEmployerAsync(fairId, new FairEmployerRequest(employerId), context.CancellationToken).ToGrpc(ToProto);
    }

    private static Proto.JobFair ToProto(Domain.Fairs.JobFair fair) => new()
    {
        Id = fair.Id.ToString(), Name = fair.Name, HeldOn = GrpcFields.Text(fair.HeldOn), Employers = fair.Employers, Postings = fair.Postings,
        Seekers = fair.Seekers, Agreements = fair.Agreements, Placements = fair.Placements,
    };

    [Authorize(Policy = EmploymentScopes.CareWrite)]
    public override async Task<ListCareEnrolmentsResponse> ListCareEnrolments(ListCareEnrolmentsRequest request, ServerCallContext context) =>
        new()
        {
            Enrolments =
            {
                (await Domain.Care.CareEnrolment.ListAsync(dataSource, null, AreaScope.District, context.CancellationToken))
                .Where(e => e.Institution == GrpcCallers.PartnerOf(context)).Select(ToProto),
            },
        };

    [Authorize(Policy = EmploymentScopes.CareWrite)]
    public override Task<Proto.CareEnrolment> RecordCareMonth(RecordCareMonthRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var id = GrpcFields.Id(request.EnrolmentId, "enrolmentId", errors, "托养编号无效 / Not an enrolment id.");
        GrpcFields.ThrowIfAny(errors, CareRules.InvalidTitle);
        return careMonth.HandleAsync(id, new CareMonthRequest(request.Month, request.DaysServed, request.Services), GrpcCallers.PartnerOf(context),
            context.CancellationToken).ToGrpc(ToProto);
    }

    private static Proto.CareEnrolment ToProto(Domain.Care.CareEnrolment enrolment) => new()
    {
        Id = enrolment.Id.ToString(), CentreId = enrolment.CentreId.ToString(), PersonId = enrolment.PersonId.ToString(), Kind = enrolment.Kind,
        StartsOn = GrpcFields.Text(enrolment.StartsOn), EndsOn = GrpcFields.Text(enrolment.EndsOn), MonthsServed = enrolment.MonthsServed,
    };

    private static Proto.Course ToProto(Domain.Training.Course course) => new()
    {
        Id = course.Id.ToString(), School = course.School, Name = course.Name, Kind = course.Kind, StartsOn = GrpcFields.Text(course.StartsOn),
        EndsOn = GrpcFields.Text(course.EndsOn), Capacity = course.Capacity, Enrolled = course.Enrolled,
    };

    private static Proto.TrainingEnrolment ToProto(Domain.Training.TrainingEnrolment enrolment) => new()
    {
        Id = enrolment.Id.ToString(), CourseId = enrolment.CourseId.ToString(), PersonId = enrolment.PersonId.ToString(),
        EnrolledOn = GrpcFields.Text(enrolment.EnrolledOn), Status = enrolment.Status, CompletedOn = GrpcFields.Text(enrolment.CompletedOn),
        CertificateNo = enrolment.CertificateNo ?? "", SessionsAttended = enrolment.SessionsAttended,
    };
}
