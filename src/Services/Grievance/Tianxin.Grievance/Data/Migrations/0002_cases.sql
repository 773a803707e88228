-- Grievance cases of every channel: petitions (信访), 12345 work orders and walk-in complaints. The case is held
-- by one area at a time (district, street or community: area_code) and seen by that area and those above it.
-- due_on is the next date its clock sets, kept by every step, so the at-risk list is one index range.

create table grievance_cases (
    id                      uuid        primary key,
    number                  text        not null unique,
    kind                    text        not null check (kind in ('petition', 'work_order', 'complaint')),
    channel                 text        not null check (channel in ('letter', 'visit', 'phone', 'online', 'hotline', 'walk_in')),
    person_id               uuid,
    complainant_name        bytea,
    complainant_phone       bytea,
    subject                 text        not null references subjects (code),
    community_code          text        not null,
    area_code               text        not null,
    handler                 text,
    narrative               text        not null,
    received_on             date        not null,
    stage                   text        not null check (stage in ('acceptance', 'handling', 'replied', 'review', 'closed', 'not_accepted')),
    accepted_on             date,
    extension_days          integer     not null default 0,
    extension_reason        text,
    extension_approved_by   text,
    replied_on              date,
    reply                   text,
    replied_on_time         boolean,
    review_round            integer     not null default 0 check (review_round between 0 and 2),
    review_requested_on     date,
    review_answered_on      date,
    review_answer           text,
    closed_on               date,
    closed_on_time          boolean,
    escalated_to            text        check (escalated_to in ('city', 'province')),
    escalated_on            date,
    due_on                  date,
    created_by              text        not null,
    created_at              timestamptz not null default now()
);

create index grievance_cases_area on grievance_cases (area_code text_pattern_ops);
create index grievance_cases_due on grievance_cases (due_on, area_code) where due_on is not null;
create index grievance_cases_received on grievance_cases (received_on);

create sequence grievance_case_numbers;

-- Every routing step and every change of stage, with who, when and why.
create table case_steps (
    id          bigserial   primary key,
    case_id     uuid        not null references grievance_cases (id),
    action      text        not null,
    from_area   text,
    to_area     text,
    handler     text,
    reason      text,
    by_actor    text        not null,
    at          timestamptz not null default now()
);

create index case_steps_case on case_steps (case_id, id);

-- Photos and PDFs of cases and defects, kept in the database and streamed out.
create table attachments (
    id            uuid        primary key,
    owner_kind    text        not null check (owner_kind in ('case', 'defect')),
    owner_id      uuid        not null,
    content_type  text        not null,
    file_name     text        not null,
    size_bytes    bigint      not null,
    content       bytea       not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null default now()
);

create index attachments_owner on attachments (owner_kind, owner_id);
