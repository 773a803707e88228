-- Matching reads one narrow table: each seeker carries the copy's facts it needs (sex and birth date for
-- working age, category and grade for what the work suits, the record's status and community), instead of
-- joining the million-row eligibility copy on every request. The copy stays the source: a seeker takes the
-- facts when inserted, and every change the registry's events bring to the copy reaches the seeker in the
-- same transaction.
alter table seekers add column sex text, add column birth_date date, add column category smallint, add column grade smallint,
    add column person_status text;

update seekers s set community_code = e.community_code, sex = e.sex, birth_date = e.birth_date, category = e.category, grade = e.grade,
    person_status = e.status
from eligibility_persons e where e.person_id = s.person_id;

create function seeker_takes_copied_facts() returns trigger language plpgsql as $$
begin
    select e.community_code, e.sex, e.birth_date, e.category, e.grade, e.status
    into strict new.community_code, new.sex, new.birth_date, new.category, new.grade, new.person_status
    from eligibility_persons e where e.person_id = new.person_id;
    return new;
end $$;
create trigger seekers_take_copied_facts before insert on seekers for each row execute function seeker_takes_copied_facts();

create function copied_facts_reach_seeker() returns trigger language plpgsql as $$
begin
    update seekers set community_code = new.community_code, sex = new.sex, birth_date = new.birth_date, category = new.category,
        grade = new.grade, person_status = new.status
    where person_id = new.person_id;
    return null;
end $$;
create trigger copied_facts_reach_seekers after update on eligibility_persons for each row
    when ((old.community_code, old.sex, old.birth_date, old.category, old.grade, old.status)
          is distinct from (new.community_code, new.sex, new.birth_date, new.category, new.grade, new.status))
    execute function copied_facts_reach_seeker();

alter table seekers alter column sex set not null, alter column birth_date set not null, alter column person_status set not null;

-- The seekers a posting's categories and grades suit, read first (FindMatches).
create index seekers_matching on seekers (category, grade) where not employed and working_ability <> 'none';
