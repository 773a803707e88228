using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Employment.Features.Employers;
using Tianxin.Employment.Features.Fairs;
using Tianxin.Employment.Features.Seekers;
using Tianxin.Employment.Features.Training;

namespace Tianxin.Employment.Features.Figures;

/// <summary>Counts and sums taken from the service's own rows: programmes, employment, training, quota, zero-employment households, care, fairs.</summary>
public sealed class FindEmploymentFigures(NpgsqlDataSource dataSource, EmployerQuota quota, TrainingConversion conversion,
    ZeroEmploymentHouseholds households, TimeProvider clock)
{
    public async Task<EmploymentFigures> HandleAsync(int year, AreaScope scope, CancellationToken cancellationToken)
    {
        var pattern = scope.Area.LikePattern;
        var today = clock.TodayInChina();
        var programmes = await dataSource.Command(
                """
                select p.code, p.name, b.budget, b.committed,
                       count(distinct pp.person_id) as people, count(distinct pp.household_id) as households, coalesce(sum(pay.amount), 0) as money
                from payment_programmes p join budget_lines b on b.id = p.id
                left join (programme_payments pp join payments pay on pay.id = pp.payment_id and pay.state <> 'failed')
                    on pp.programme_id = p.id and pp.community_code like $2
                where p.year = $1
                group by p.id, b.id order by p.code
                """, year, pattern)
            .ReadAllAsync(reader => new ProgrammeFigures(reader.Get<string>("code"), reader.Get<string>("name"), (int)reader.Get<long>("people"),
                (int)reader.Get<long>("households"), reader.Get<decimal>("money"), reader.Get<decimal>("budget"),
                reader.Get<decimal>("budget") - reader.Get<decimal>("committed")), cancellationToken);
        var people = (await dataSource.Command(
                """
                with ages as materialized (select * from working_age_births($2)),
                holders as (
                    select e.person_id,
                           exists (select 1 from employment_records r where r.person_id = e.person_id and r.ended_on is null) as employed,
                           s.working_ability,
                           exists (select 1 from training_enrolments t where t.person_id = e.person_id and t.status = 'completed') as trained
                    from eligibility_persons e left join seekers s on s.person_id = e.person_id
                    join ages w on w.sex = e.sex and e.birth_date > w.born_after and e.birth_date <= w.born_until
                    where e.community_code like $1 and e.status = 'active' and e.grade is not null)
                select count(*) filter (where employed or working_ability in ('full', 'partial')) as able,
                       count(*) filter (where employed) as employed,
                       count(*) filter (where working_ability in ('full', 'partial')) as seekers_able,
                       count(*) filter (where working_ability in ('full', 'partial') and trained) as trained
                from holders
                """, pattern, today)
            .ReadAllAsync(reader => (Able: (int)reader.Get<long>("able"), Employed: (int)reader.Get<long>("employed"),
                SeekersAble: (int)reader.Get<long>("seekers_able"), Trained: (int)reader.Get<long>("trained")), cancellationToken)).Single();
        var care = await dataSource.Command(
                """
                select k.kind,
                       (select count(distinct e.person_id) from care_enrolments e
                        where e.kind = k.kind and e.community_code like $2 and extract(year from e.starts_on) <= $1
                          and (e.ends_on is null or extract(year from e.ends_on) >= $1)) as enrolled,
                       (select count(*) from care_service_months m join care_enrolments e on e.id = m.enrolment_id
                        where e.kind = k.kind and e.community_code like $2 and extract(year from m.month) = $1) as months
                from (values ('day_care'), ('home_care')) as k(kind)
                """, year, pattern)
            .ReadAllAsync(reader => new CareFigures(reader.Get<string>("kind"), (int)reader.Get<long>("enrolled"), (int)reader.Get<long>("months")),
                cancellationToken);
        var fairs = await JobFair.OfYearAsync(dataSource, year, cancellationToken);
        var insured = (await dataSource.Command(
                """
                with ages as materialized (select * from working_age_births($2))
                select count(*) as reported, count(*) filter (where i.pension) as pension, count(*) filter (where i.medical) as medical
                from social_insurance i join eligibility_persons e on e.person_id = i.person_id
                join ages w on w.sex = e.sex and e.birth_date > w.born_after and e.birth_date <= w.born_until
                where i.year = $1 and e.community_code like $3 and e.status = 'active'
                """, year, today, pattern)
            .ReadAllAsync(reader => new InsuranceFigures((int)reader.Get<long>("reported"), (int)reader.Get<long>("pension"),
                (int)reader.Get<long>("medical")), cancellationToken)).Single();
        var assessed = await quota.ForYearAsync(year, null, cancellationToken) ?? [];
        var converted = await conversion.ForYearAsync(year, cancellationToken);
        var zero = await households.HandleAsync(scope, 0, 1, cancellationToken);
        return new EmploymentFigures(year, scope.Area.Value, programmes,
            new EmploymentRate(people.Able, people.Employed, TrainingConversion.Rate(people.Employed, people.Able)),
            new TrainingCoverage(people.SeekersAble, people.Trained, TrainingConversion.Rate(people.Trained, people.SeekersAble)),
            TrainingConversion.Rate(converted.Schools.Sum(s => s.Converted), converted.Schools.Sum(s => s.Completed)),
            new QuotaFigures(assessed.Count, assessed.Count(a => a.Compliant), assessed.Count(a => a.Exempt), assessed.Count(a => a.Concentrated),
                assessed.Sum(a => a.Shortfall), assessed.Sum(a => a.Fund)),
            zero.Total, care,
            new FairFigures(fairs.Count, fairs.Sum(f => f.Employers), fairs.Sum(f => f.Seekers), fairs.Sum(f => f.Agreements), fairs.Sum(f => f.Placements)),
            insured);
    }
}
