-- Social insurance of certificate holders as the HR bureau reports it (社保参保状态), per person and year:
-- the basic pension and medical insurance. A later report of the same year replaces the earlier one.

create table social_insurance (
    person_id    uuid        not null,
    year         integer     not null,
    pension      boolean     not null,
    medical      boolean     not null,
    reported_by  text        not null,
    reported_at  timestamptz not null default now(),
    primary key (person_id, year)
);
