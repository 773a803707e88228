-- Individual payments (就业救助, 养老保险补贴, 意外伤害保险, 创业补贴, 个体户养老补贴, 燃油补贴): each programme
-- a yearly budget line (Funding) with its standard amount and what one payment is for, as data.

create table payment_programmes (
    id          uuid          primary key references budget_lines (id),
    code        text          not null,
    year        integer       not null,
    name        text          not null,
    -- The most one payment may be (the standard; a payment may be less).
    max_amount  numeric(12,2) not null check (max_amount > 0),
    -- year: once per person in the year; month: once per person and month; household: once per household in the year.
    period_kind text          not null check (period_kind in ('year', 'month', 'household')),
    updated_by  text          not null,
    unique (code, year)
);

create table programme_payments (
    payment_id      uuid          primary key references payments (id),
    programme_id    uuid          not null references payment_programmes (id),
    person_id       uuid          not null,
    household_id    uuid          null,
    community_code  text          not null,
    paid_on         date          not null
);
create index programme_payments_programme on programme_payments (programme_id);
