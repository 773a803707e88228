-- Money a service's programmes spend: yearly budget lines that can never be overspent, and a ledger of
-- payments to persons that pays one person once per programme and period. Yuan with fen precision.

create table budget_lines (
    id         uuid          primary key,
    programme  text          not null,
    year       integer       not null check (year between 2000 and 2100),
    budget     numeric(14,2) not null check (budget >= 0),
    -- Granted and not released (what has been spent stays in it); the check is the last guard against overspending.
    committed  numeric(14,2) not null default 0 check (committed >= 0 and committed <= budget),
    spent      numeric(14,2) not null default 0 check (spent >= 0 and spent <= committed),
    updated_by text          not null,
    updated_at timestamptz   not null default now(),
    unique (programme, year)
);

create table payments (
    id             uuid          primary key,
    budget_line_id uuid          null references budget_lines (id),
    payee_id       uuid          not null,
    programme      text          not null,
    -- The period paid for, as the programme counts it: '2026-03' for a month, '2026' for a year, or a case id.
    period         text          not null,
    amount         numeric(14,2) not null check (amount > 0),
    method         text          not null check (method in ('bank_transfer', 'cash')),
    state          text          not null default 'pending' check (state in ('pending', 'paid', 'failed')),
    reason         text          null,
    recorded_by    text          not null,
    recorded_at    timestamptz   not null default now(),
    updated_at     timestamptz   not null default now()
);
-- Payable once: at most one payment per person, programme and period that is not failed. A failed one
-- may be paid again in a later run, as a new row.
create unique index payments_once_per_period on payments (payee_id, programme, period) where state <> 'failed';
create index payments_programme on payments (programme, period);
