-- Job fairs (招聘会) held with the HR bureau: employers and seekers attending, agreements reached on the day
-- (达成意向), and placements: an attending seeker's job with an attending employer started within the fair's
-- attribution window.

create table job_fairs (
    id                uuid        primary key,
    name              text        not null,
    held_on           date        not null,
    community_code    text        not null,
    -- A placement this many days after the fair is still the fair's (30 by the federation's practice).
    attribution_days  integer     not null check (attribution_days between 1 and 180),
    created_by        text        not null,
    created_at        timestamptz not null default now()
);

create table fair_employers (
    fair_id      uuid not null references job_fairs (id),
    employer_id  uuid not null references employers (id),
    primary key (fair_id, employer_id)
);

create table fair_seekers (
    fair_id         uuid not null references job_fairs (id),
    person_id       uuid not null,
    community_code  text not null,
    primary key (fair_id, person_id)
);

create table fair_agreements (
    fair_id     uuid        not null references job_fairs (id),
    person_id   uuid        not null,
    posting_id  uuid        not null references postings (id),
    recorded_by text        not null,
    recorded_at timestamptz not null default now(),
    primary key (fair_id, person_id, posting_id),
    foreign key (fair_id, person_id) references fair_seekers (fair_id, person_id)
);
