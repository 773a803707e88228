-- The date in Changsha, whatever the server's time zone: ages, expiry and statuses in force use it.
create function china_today() returns date language sql stable
    as $$ select (now() at time zone 'Asia/Shanghai')::date $$;

-- Name search: every substring of up to four characters of the name and of its pinyin initials
-- (张三丰 → 张, 三丰, zsf, sf, …), so a partial name or initials is one GIN index probe.
alter table persons
    add column search_terms   text[] not null default '{}',
    add column closed_on      date   null,
    add column closed_reason  text   null check (closed_reason in ('deceased', 'moved_out')),
    add column facts_version  bigint not null default 0,
    add column name_initials  text   not null default '',
    -- As person_facts last derived them, kept with the record so reads need not derive them again.
    add column household_id    uuid   null,
    add column household_flags text[] not null default '{}';
create index persons_search_terms on persons using gin (search_terms);
create index persons_household on persons (household_id) where household_id is not null;
-- Persons of 60 or more not (yet) flagged 老残一体: where the periodic refresh looks for birthdays.
create index persons_not_yet_elderly on persons (birth_date) where not household_flags @> '{elderly_disabled}'::text[];
create index persons_birth_date on persons (birth_date);

-- Versions of eligibility facts, taken while the person's row is locked, so they grow in commit order.
create sequence eligibility_facts_versions;

-- Every change to a person, certificate or household, with the old and new values, for the record.
create table person_history (
    id          bigint      generated always as identity primary key,
    person_id   uuid        not null references persons (id),
    change      text        not null,
    details     jsonb       not null,
    changed_at  timestamptz not null default now(),
    changed_by  text        not null
);
create index person_history_person on person_history (person_id, id);

-- Second-generation certificates. The number is the ID number + category digit + grade digit, so it is
-- never stored: it is found through the ID number's blind index. A re-assessment supersedes the old
-- certificate with a new one, keeping both.
create table certificates (
    id           uuid        primary key,
    person_id    uuid        not null references persons (id),
    category     smallint    not null check (category between 1 and 7),
    grade        smallint    not null check (grade between 1 and 4),
    issued_on    date        not null,
    valid_until  date        not null check (valid_until > issued_on),
    status       text        not null default 'valid' check (status in ('valid', 'superseded', 'revoked', 'expired')),
    ended_on     date        null,
    ended_reason text        null,
    created_at   timestamptz not null default now(),
    created_by   text        not null
);
create unique index certificates_one_valid on certificates (person_id) where status = 'valid';
create index certificates_person on certificates (person_id);
create index certificates_expiry on certificates (valid_until) where status = 'valid';

-- Households (户): the registered disabled members and the family members who are not in the registry.
create table households (
    id             uuid        primary key,
    community_code text        not null references areas (code),
    address        text        null,
    created_at     timestamptz not null default now(),
    created_by     text        not null
);
create index households_community on households (community_code text_pattern_ops);

create table household_members (
    id            uuid    primary key,
    household_id  uuid    not null references households (id),
    person_id     uuid    null references persons (id),
    name          text    not null,
    birth_date    date    not null,
    relationship  text    not null check (relationship in ('head', 'spouse', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'other')),
    is_carer      boolean not null default false
);
create unique index household_members_person on household_members (person_id) where person_id is not null;
create index household_members_household on household_members (household_id);

-- Statuses such as 建档立卡 come from other agencies; each is recorded with its dates and its source.
create table household_statuses (
    id             uuid        primary key,
    household_id   uuid        not null references households (id),
    status         text        not null check (status in ('registered_poor', 'minimum_living', 'extreme_poverty')),
    effective_from date        not null,
    effective_to   date        null check (effective_to is null or effective_to >= effective_from),
    source         text        not null,
    recorded_at    timestamptz not null default now(),
    recorded_by    text        not null
);
create index household_statuses_household on household_statuses (household_id);

create function household_status_in_force(household uuid, wanted text) returns boolean language sql stable
    as $$ select exists (select 1 from household_statuses s
                         where s.household_id = household and s.status = wanted and s.effective_from <= china_today()
                           and (s.effective_to is null or s.effective_to >= china_today())) $$;

-- The facts other services decide eligibility from. Special groups are derived here, never typed in:
-- 以老养残 a carer of 60 or more in the household of a certificate holder; 一户多残 two or more members
-- with valid certificates; 老残一体 a certificate holder of 60 or more; 孤寡 a household of one.
-- Correlated subqueries, so that reading one person's facts touches only their household. The registry
-- stores the result on the person with every change, and refreshes it when age alone changes it.
create view person_facts as
select p.id as person_id, p.birth_date, p.sex, p.community_code, p.status, c.category, c.grade, p.facts_version,
       hm.household_id,
       array_remove(array[
           case when household_status_in_force(hm.household_id, 'registered_poor') then 'registered_poor' end,
           case when household_status_in_force(hm.household_id, 'minimum_living') then 'minimum_living' end,
           case when household_status_in_force(hm.household_id, 'extreme_poverty') then 'extreme_poverty' end,
           case when c.id is not null and exists (
               select 1 from household_members m
               where m.household_id = hm.household_id and m.is_carer and m.birth_date <= china_today() - interval '60 years')
               then 'elderly_carer' end,
           case when (select count(*) from household_members m
                      join certificates mc on mc.person_id = m.person_id and mc.status = 'valid'
                      where m.household_id = hm.household_id) >= 2
               then 'multiple_disabled' end,
           case when c.id is not null and p.birth_date <= china_today() - interval '60 years' then 'elderly_disabled' end,
           case when hm.id is not null and not exists (
               select 1 from household_members m where m.household_id = hm.household_id and m.id <> hm.id)
               then 'alone' end
       ], null) as household_flags
from persons p
left join certificates c on c.person_id = p.id and c.status = 'valid'
left join household_members hm on hm.person_id = p.id;

-- Registrations that look like an existing person (same name and birth date in the same community, or
-- same name initials and birth date in the same street): kept until someone reviews them.
create table duplicate_reviews (
    id              uuid        primary key,
    person_id       uuid        not null references persons (id),
    similar_to      uuid        not null references persons (id),
    reason          text        not null,
    decision        text        null check (decision in ('distinct', 'duplicate')),
    decided_by      text        null,
    decided_at      timestamptz null,
    created_at      timestamptz not null default now()
);
create index duplicate_reviews_open on duplicate_reviews (created_at) where decision is null;

-- Bulk imports of certificate holders, processed in the background; rows that fail are kept for the report.
-- The file holds ID numbers: it is kept encrypted, and only until it has been processed.
create table imports (
    id            uuid        primary key,
    file_name     text        not null,
    file_sha256   text        not null,
    content       bytea       null,
    area_code     text        not null,
    status        text        not null default 'queued' check (status in ('queued', 'running', 'completed', 'failed')),
    total_rows    integer     null,
    processed     integer     not null default 0,
    imported      integer     not null default 0,
    unchanged     integer     not null default 0,
    rejected      integer     not null default 0,
    created_at    timestamptz not null default now(),
    created_by    text        not null,
    created_role  text        null,
    heartbeat_at  timestamptz null,
    finished_at   timestamptz null
);
create index imports_waiting on imports (created_at) where status in ('queued', 'running');

create table import_rejections (
    import_id   uuid    not null references imports (id),
    row_number  integer not null,
    field       text    not null,
    reason      text    not null,
    primary key (import_id, row_number, field)
);
