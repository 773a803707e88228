-- Festival campaigns (春节, 助残日, 中秋 走访慰问): a selection rule (data) lists the persons to visit from the
-- registry's copy; each visit is recorded with the amount handed over, paid once per person and campaign
-- from the programme's budget line.

create table campaigns (
    id               uuid          primary key,
    programme_id     uuid          not null references relief_programmes (id),
    festival         text          not null check (festival in ('spring_festival', 'disability_day', 'mid_autumn', 'other')),
    name             text          not null,
    -- The selection rule: persons with a valid certificate of these grades and categories (null: any), in a
    -- household with at least one of these statuses or groups (null: any).
    grades           smallint[]    null,
    categories       smallint[]    null,
    household_flags  text[]        null,
    amount_per_visit numeric(10,2) not null check (amount_per_visit > 0),
    visits_from      date          not null,
    visits_to        date          not null check (visits_to >= visits_from),
    listed           integer       not null default 0,
    created_by       text          not null,
    created_at       timestamptz   not null default now()
);

create table campaign_visits (
    id              uuid          primary key,
    campaign_id     uuid          not null references campaigns (id),
    person_id       uuid          not null,
    community_code  text          not null,
    registered_poor boolean       not null,
    status          text          not null default 'listed' check (status in ('listed', 'visited')),
    visited_on      date          null,
    amount          numeric(10,2) null check (amount > 0),
    payment_id      uuid          null references payments (id),
    visited_by      text          null,
    unique (campaign_id, person_id)
);
create index campaign_visits_worklist on campaign_visits (campaign_id, status, community_code text_pattern_ops);
