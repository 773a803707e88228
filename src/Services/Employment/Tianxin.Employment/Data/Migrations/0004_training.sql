-- Vocational training (职业技能培训) run by training schools (partners, named by their client id).

create table training_rules (
    year                integer     primary key,
    -- A job started within this many months of completing a course counts as its conversion.
    conversion_months   integer     not null check (conversion_months between 1 and 24),
    updated_by          text        not null
);
insert into training_rules (year, conversion_months, updated_by) values (2026, 6, 'migration');

create table training_courses (
    id          uuid        primary key,
    school      text        not null,
    name        text        not null,
    -- general, or 三定培训: order-based (订单), directed (定向), fixed-post (定岗).
    kind        text        not null check (kind in ('general', 'order', 'directed', 'fixed_post')),
    starts_on   date        not null,
    ends_on     date        not null check (ends_on >= starts_on),
    capacity    integer     not null check (capacity between 1 and 500),
    created_by  text        not null,
    created_at  timestamptz not null default now()
);
create index training_courses_school on training_courses (school);

create table training_enrolments (
    id              uuid        primary key,
    course_id       uuid        not null references training_courses (id),
    person_id       uuid        not null,
    community_code  text        not null,
    enrolled_on     date        not null,
    status          text        not null default 'enrolled' check (status in ('enrolled', 'completed')),
    completed_on    date        null check (completed_on is null or completed_on >= enrolled_on),
    certificate_no  text        null,
    unique (course_id, person_id)
);
create index training_enrolments_person on training_enrolments (person_id);

create table training_attendance (
    enrolment_id  uuid        not null references training_enrolments (id),
    session_on    date        not null,
    present       boolean     not null,
    recorded_by   text        not null,
    recorded_at   timestamptz not null default now(),
    primary key (enrolment_id, session_on)
);
