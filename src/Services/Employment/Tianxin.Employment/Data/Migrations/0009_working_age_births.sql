-- Working age for a whole population at once. Asking working_age_on row by row runs its lookup once per
-- person (a million persons took seconds); the birth-date ranges of working age on a day are a row or two
-- per sex that a query joins instead (materialized, so that they are computed once). working_age_on now asks
-- the same ranges, so both answer alike.

-- Persons of the sex born after born_after and up to born_until are of working age on the day. Each rule
-- row gives the births of its cohort that are of working age; ranges that meet are merged into one.
create function working_age_births(day date) returns table (sex text, born_after date, born_until date) language sql stable
    as $$ with cohorts as (
              select w.sex,
                     greatest(w.born_from - 1, (day - make_interval(months => w.retirement_age_months))::date) as born_after,
                     least(coalesce(lead(w.born_from) over (partition by w.sex order by w.born_from), 'infinity'::date) - 1,
                           (day - make_interval(years => w.min_age))::date) as born_until
              from working_age_rules w),
          marked as (
              select c.*, case when c.born_after = lag(c.born_until) over (partition by c.sex order by c.born_after) then 0 else 1 end as starts
              from cohorts c where c.born_after < c.born_until),
          islands as (select m.*, sum(m.starts) over (partition by m.sex order by m.born_after) as island from marked m)
          select i.sex, min(i.born_after), max(i.born_until) from islands i group by i.sex, i.island $$;

create or replace function working_age_on(person_sex text, birth date, day date) returns boolean language sql stable
    as $$ select exists (select 1 from working_age_births(day) w where w.sex = person_sex and birth > w.born_after and birth <= w.born_until) $$;
