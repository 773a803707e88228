using System.Globalization;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Employment.Features.Care;
using Tianxin.Employment.Features.Employers;
using Tianxin.Employment.Features.Fairs;
using Tianxin.Employment.Features.Payments;
using Tianxin.Employment.Features.Postings;
using Tianxin.Employment.Features.Seekers;
using Tianxin.Employment.Features.Training;

namespace Tianxin.Employment.DemoData;

/// <summary>
/// The 2019 report's employment year for the demo persons, through the handlers the API uses: the payments of
/// each programme (as many people as the report counts, its money shared to the fen), job seekers, about 200
/// employers at two fairs with about 100 placements, 68 trainees of whom some found work, two bases with 22
/// employees, 103 persons in day care and 165 at home with every month of 2019 served. A district with fewer
/// demo persons than the report's people gets fewer of each.
/// </summary>
public sealed class Demo2019Year(
    NpgsqlDataSource dataSource, GrantPayment grant, RegisterSeeker register, RecordEmployment employment, RegisterEmployer registerEmployer,
    DeclareEmployerYear declare, CreatePosting createPosting, HoldJobFair fairs, CreateCourse createCourse, EnrolTrainee enrol,
    RecordAttendance attendance, CompleteTraining complete, CreateCareCentre createCentre, EnrolInCare enrolInCare, RecordCareMonth careMonth,
    TimeProvider clock)
{
    private const string Actor = DemoEmploymentSeeder.Actor;
    private const string School = "training-school-1";
    private const string CareInstitution = "care-institution-1";
    private const string DemoCodes = "91430103DEMA";
    private static readonly AreaScope District = AreaScope.District;
    private static readonly string[] Skills = ["电脑操作", "包装", "手工编织", "按摩推拿", "电商客服", "烹饪"];

    private sealed record DemoPerson(Guid Id, string CommunityCode, int Category, int Grade, Guid? HouseholdId, bool RegisteredPoor, bool WorkingAge2019,
        bool WorkingAgeNow);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var persons = await dataSource.Command(
                """
                select person_id, community_code, category, grade, household_id, 'registered_poor' = any (household_flags) as registered_poor,
                       working_age_on(sex, birth_date, '2019-01-01') as working_age_2019, working_age_on(sex, birth_date, $1) as working_age_now
                from eligibility_persons where status = 'active' and grade is not null order by person_id
                """, clock.TodayInChina())
            .ReadAllAsync(r => new DemoPerson(r.Get<Guid>("person_id"), r.Get<string>("community_code"), r.Get<short>("category"), r.Get<short>("grade"),
                r.Nullable<Guid>("household_id"), r.Get<bool>("registered_poor"), r.Get<bool>("working_age_2019"), r.Get<bool>("working_age_now")),
                cancellationToken);
        if (persons.Count == 0)
        {
            return;
        }
        await PayAsync(persons, cancellationToken);
        var seekers = await SeekersAsync(persons.Where(p => p.WorkingAge2019 && p.WorkingAgeNow).ToList(), cancellationToken);
        var employers = await EmployersAsync(persons.Select(p => p.CommunityCode).Distinct().Order().ToList(), cancellationToken);
        await TrainAsync(seekers.Skip(100).Take(68).ToList(), cancellationToken);
        await BasesAsync(seekers.Skip(168).Take(22).ToList(), employers.TakeLast(2).ToList(), cancellationToken);
        await CareAsync(persons.Where(p => p.WorkingAge2019 && (p.Grade <= 2 || p.Category is 5 or 6)).ToList(), cancellationToken);
        await FairsAsync(seekers.Take(200).ToList(), employers.SkipLast(2).ToList(), cancellationToken);
    }

    private async Task PayAsync(IReadOnlyList<DemoPerson> persons, CancellationToken cancellationToken)
    {
        var programmes = await PaymentProgramme.ListAsync(dataSource, 2019, cancellationToken);
        var offset = 0;
        foreach (var demo in DemoEmploymentProgrammes.For(2019).Where(d => d.People2019 > 0))
        {
            var programme = programmes.Single(p => p.Code == demo.Programme.Code);
            var payees = demo.Programme.Code switch
            {
                DemoEmploymentProgrammes.AccidentInsurance => persons.Where(p => p.Grade <= 2 || p.RegisteredPoor).ToList(),
                "startup_household" => persons.Where(p => p.HouseholdId is not null).DistinctBy(p => p.HouseholdId).ToList(),
                "wheelchair_fuel" => persons.Where(p => p.Category == 4).ToList(),
                _ => persons.Where(p => p.WorkingAge2019).ToList(),
            };
            var amounts = Yuan.Split(demo.Programme.Budget!.Value, demo.People2019);
            // Each programme starts further along the list, so that the small ones pay different people.
            offset += 17;
            for (var n = 0; n < Math.Min(demo.People2019, payees.Count); n++)
            {
                var person = payees[(n + offset) % payees.Count];
                await grant.HandleAsync(programme.Id, new GrantRequest(person.Id, "2019", amounts[n], n % 5 == 0 ? "cash" : null), District, Actor,
                    cancellationToken);
            }
        }
    }

    private async Task<List<Guid>> SeekersAsync(IReadOnlyList<DemoPerson> workingAge, CancellationToken cancellationToken)
    {
        var registered = new List<Guid>();
        for (var n = 0; n < Math.Min(300, workingAge.Count); n++)
        {
            var person = workingAge[n];
            var ability = n % 9 == 8 ? "none" : n % 3 == 2 ? "partial" : "full";
            var seeker = await register.HandleAsync(new SeekerRequest(person.Id, n % 4 == 0 ? "vocational" : "senior", [Skills[n % Skills.Length]],
                Skills[n % Skills.Length] + "相关工作", ability, [person.CommunityCode[..9]]), District, Actor, cancellationToken);
            if ((seeker.Succeeded || seeker.Failure is Failure.Duplicate) && ability != "none")
            {
                registered.Add(person.Id);
            }
        }
        return registered;
    }

    private async Task<List<Employer>> EmployersAsync(IReadOnlyList<string> communities, CancellationToken cancellationToken)
    {
        var year = clock.TodayInChina().Year;
        for (var n = 0; n < 200; n++)
        {
            var first17 = "91430103DEMA" + n.ToString("D5", CultureInfo.InvariantCulture);
            var registered = await registerEmployer.HandleAsync(new EmployerRequest(first17 + CreditCode.CheckCharacter(first17),
                $"天心区演示用人单位{n + 1:000}", communities[n % communities.Count], n % 4 == 0), Actor, cancellationToken);
            if (registered.Succeeded && n < 60)
            {
                var headcount = 20 + n * 17;
                var disabled = n % 6;
                await declare.HandleAsync(registered.Value.Id, year, new EmployerYearRequest(headcount, disabled, disabled / 2, 60_000m + n * 900m), Actor,
                    cancellationToken);
            }
        }
        return [.. (await Employer.ListAsync(dataSource, cancellationToken)).Where(e => e.CreditCode.StartsWith(DemoCodes, StringComparison.Ordinal))
            .OrderBy(e => e.CreditCode, StringComparer.Ordinal)];
    }

    private async Task TrainAsync(IReadOnlyList<Guid> trainees, CancellationToken cancellationToken)
    {
        var course = await createCourse.HandleAsync(new CourseRequest("电商客服定向培训", "directed", new DateOnly(2019, 3, 1), new DateOnly(2019, 4, 30), 80),
            School, cancellationToken);
        if (!course.Succeeded)
        {
            return;
        }
        for (var n = 0; n < trainees.Count; n++)
        {
            var enrolled = await enrol.HandleAsync(course.Value.Id, new EnrolmentRequest(trainees[n], new DateOnly(2019, 3, 1)), School, cancellationToken);
            if (!enrolled.Succeeded)
            {
                continue;
            }
            await attendance.HandleAsync(enrolled.Value.Id, new AttendanceRequest(new DateOnly(2019, 3, 4), true), School, cancellationToken);
            await attendance.HandleAsync(enrolled.Value.Id, new AttendanceRequest(new DateOnly(2019, 4, 8), n % 6 != 0), School, cancellationToken);
            await complete.HandleAsync(enrolled.Value.Id, new CompletionRequest(new DateOnly(2019, 4, 30), $"DEMO-2019-{n + 1:000}"), School,
                cancellationToken);
            if (n % 2 == 0)
            {
                await employment.StartAsync(trainees[n], new EmploymentStartRequest("flexible", null, new DateOnly(2019, 6, 1 + n % 28)), District, Actor,
                    cancellationToken);
            }
        }
    }

    private async Task BasesAsync(IReadOnlyList<Guid> employees, IReadOnlyList<Employer> bases, CancellationToken cancellationToken)
    {
        for (var n = 0; n < employees.Count && bases.Count > 0; n++)
        {
            await employment.StartAsync(employees[n], new EmploymentStartRequest("concentrated_base", bases[n % bases.Count].Id, new DateOnly(2019, 1, 15)),
                District, Actor, cancellationToken);
        }
    }

    private async Task CareAsync(IReadOnlyList<DemoPerson> cared, CancellationToken cancellationToken)
    {
        var community = cared.Count > 0 ? cared[0].CommunityCode : "430103001001";
        var dayCentre = await createCentre.HandleAsync(new CareCentreRequest("天心区残疾人日间照料中心", "day_care", CareInstitution, community, 120), Actor,
            cancellationToken);
        var homeCare = await createCentre.HandleAsync(new CareCentreRequest("阳光家园居家托养服务站", "home_care", CareInstitution, community, 200), Actor,
            cancellationToken);
        // The report's 103 in day care and 165 at home; fewer demo persons are shared in the same proportion.
        var inDayCare = Math.Min(103, cared.Count * 103 / 268);
        await EnrolAndServeAsync(dayCentre.Value.Id, cared.Take(inDayCare), 22, "生活照料、康复训练、文体活动", cancellationToken);
        await EnrolAndServeAsync(homeCare.Value.Id, cared.Skip(inDayCare).Take(165), 8, "上门生活照料、康复指导", cancellationToken);
    }

    private async Task EnrolAndServeAsync(Guid centre, IEnumerable<DemoPerson> persons, int days, string services, CancellationToken cancellationToken)
    {
        foreach (var person in persons)
        {
            var enrolment = await enrolInCare.HandleAsync(new CareEnrolmentRequest(centre, person.Id, new DateOnly(2019, 1, 1)), District, Actor,
                cancellationToken);
            for (var month = 1; enrolment.Succeeded && month <= 12; month++)
            {
                await careMonth.HandleAsync(enrolment.Value.Id, new CareMonthRequest($"2019-{month:00}", days, services), CareInstitution, cancellationToken);
            }
        }
    }

    /// <summary>Two fairs of about 100 employers each; half of each fair's seekers start with an attending employer within ten days.</summary>
    private async Task FairsAsync(IReadOnlyList<Guid> seekers, IReadOnlyList<Employer> employers, CancellationToken cancellationToken)
    {
        var held = new[] { ("5·19助残日专场招聘会", new DateOnly(2019, 5, 19)), ("金秋残疾人专场招聘会", new DateOnly(2019, 10, 15)) };
        for (var f = 0; f < held.Length; f++)
        {
            var attending = employers.Where((_, i) => i % 2 == f).ToList();
            var coming = seekers.Where((_, i) => i % 2 == f).ToList();
            var postings = new List<Posting>();
            foreach (var employer in attending)
            {
                var posting = await createPosting.HandleAsync(new PostingRequest(employer.Id, "普工", null, [], 1, 4, null, "full_time", [], 2), Actor,
                    cancellationToken);
                if (posting.Succeeded)
                {
                    postings.Add(posting.Value);
                }
            }
            for (var n = 0; n < coming.Count / 2 && postings.Count > 0; n++)
            {
                await employment.StartAsync(coming[n], new EmploymentStartRequest("employer", postings[n % postings.Count].EmployerId,
                    held[f].Item2.AddDays(1 + n % 10)), District, Actor, cancellationToken);
            }
            var fair = await fairs.CreateAsync(new JobFairRequest(held[f].Item1, held[f].Item2, "430103001001", 30), Actor, cancellationToken);
            foreach (var employer in attending)
            {
                await fairs.AddEmployerAsync(fair.Value.Id, new FairEmployerRequest(employer.Id), cancellationToken);
            }
            for (var n = 0; n < coming.Count; n++)
            {
                await fairs.AddSeekerAsync(fair.Value.Id, new FairSeekerRequest(coming[n]), District, cancellationToken);
                if (n < coming.Count / 2 && postings.Count > 0)
                {
                    await fairs.AgreeAsync(fair.Value.Id, new FairAgreementRequest(coming[n], postings[n % postings.Count].Id), District, Actor,
                        cancellationToken);
                }
            }
        }
    }
}
