-- Legal aid (法律救助): a case for the legal aid station, or given to a contracted law firm (a partner client id),
-- with its consultations and actions.

-- The law firms under contract, by the client id they sign in with.
create table law_firms (
    client_id  text primary key,
    name       text not null
);

insert into law_firms values ('law-firm-1', '签约律师事务所一'), ('law-firm-2', '签约律师事务所二');

create table legal_aid_cases (
    id              uuid        primary key,
    case_id         uuid        references grievance_cases (id),
    person_id       uuid,
    community_code  text        not null,
    matter          text        not null,
    firm            text        references law_firms (client_id),
    status          text        not null check (status in ('open', 'accepted', 'closed')),
    opened_on       date        not null,
    accepted_on     date,
    closed_on       date,
    outcome         text,
    opened_by       text        not null
);

create index legal_aid_cases_firm on legal_aid_cases (firm, status);
create index legal_aid_cases_area on legal_aid_cases (community_code text_pattern_ops);

create table legal_aid_actions (
    id             uuid        primary key,
    legal_case_id  uuid        not null references legal_aid_cases (id),
    kind           text        not null check (kind in ('consultation', 'action')),
    on_day         date        not null,
    note           text        not null,
    by_actor       text        not null,
    recorded_at    timestamptz not null default now()
);

create index legal_aid_actions_case on legal_aid_actions (legal_case_id);
