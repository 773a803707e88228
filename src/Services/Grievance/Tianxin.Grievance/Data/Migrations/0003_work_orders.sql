-- 12345 work orders, one per hotline order number, beside their grievance case (kind work_order). Deadlines are
-- working days on calendar_days; handle_due moves only by an extension the hotline approved.

create table work_orders (
    case_id              uuid        primary key references grievance_cases (id),
    order_no             text        not null unique,
    order_type           text        not null references work_order_types (code),
    state                text        not null check (state in ('received', 'handling', 'replied', 'closed', 'returned')),
    pushed_at            timestamptz not null,
    received_on          date        not null,
    sign_due             date        not null,
    handle_due           date        not null,
    signed_on            date,
    signed_by            text,
    returns              integer     not null default 0,
    return_reason        text,
    reassignments        integer     not null default 0,
    extension_days       integer,
    extension_reason     text,
    extension_state      text        check (extension_state in ('requested', 'approved', 'refused')),
    replied_on           date,
    closed_on            date,
    called_back_on       date,
    satisfaction         text        check (satisfaction in ('satisfied', 'basically_satisfied', 'dissatisfied')),
    resolved             boolean,
    supervised           boolean     not null default false,
    supervision_reason   text,
    version              bigint      not null default 1
);

-- What the hotline reads back (签收, 回复, 办结): each change bumps the feed position.
create sequence work_order_feed;
alter table work_orders add column feed_position bigint not null default nextval('work_order_feed');
create index work_orders_feed on work_orders (feed_position);
