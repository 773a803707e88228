-- Postings, the seekers referred to them, and what came of it (a hire becomes an employment record).

create table postings (
    id              uuid        primary key,
    employer_id     uuid        not null references employers (id),
    title           text        not null,
    -- The workplace, whose street decides who lives near.
    community_code  text        not null,
    -- Disability categories (1–7) and grades the work suits; empty categories suit every category.
    categories      smallint[]  not null default '{}',
    min_grade       smallint    not null check (min_grade between 1 and 4),
    max_grade       smallint    not null check (max_grade between 1 and 4 and max_grade >= min_grade),
    accessible      boolean     not null default false,
    hours           text        not null check (hours in ('full_time', 'part_time', 'flexible')),
    skills          text[]      not null default '{}',
    openings        integer     not null check (openings between 1 and 1000),
    status          text        not null default 'open' check (status in ('open', 'closed')),
    created_by      text        not null,
    created_at      timestamptz not null default now()
);
create index postings_employer on postings (employer_id);

create table referrals (
    id                    uuid        primary key,
    posting_id            uuid        not null references postings (id),
    person_id             uuid        not null,
    community_code        text        not null,
    -- referred → interviewed → hired or not_hired (with the reason).
    status                text        not null default 'referred' check (status in ('referred', 'interviewed', 'hired', 'not_hired')),
    interviewed_on        date        null,
    decided_on            date        null,
    reason                text        null,
    employment_record_id  uuid        null references employment_records (id),
    referred_by           text        not null,
    referred_at           timestamptz not null default now(),
    unique (posting_id, person_id)
);
create index referrals_community on referrals (community_code text_pattern_ops);
