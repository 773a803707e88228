-- Whether a seeker has a job now, kept on the seeker by the same transaction that starts or ends employment,
-- so that matching reads the seekers without job alone instead of checking every seeker against the
-- employment records (a hash of every open record: most of a match's time at 50,000 seekers).
alter table seekers add column employed boolean not null default false;
update seekers s set employed = true where exists (select 1 from employment_records r where r.person_id = s.person_id and r.ended_on is null);
create index seekers_without_job on seekers (person_id) where not employed and working_ability <> 'none';
