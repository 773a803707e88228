-- Accessibility defects (无障碍设施) found on streets and in buildings, against GB 50763-2012, until rectified
-- by the responsible department and verified. due_on: the rectification deadline set on assignment.

create table defect_types (
    code  text primary key,
    name  text not null
);

insert into defect_types values
    ('curb_ramp', '缘石坡道 / Curb ramp'), ('tactile_paving', '盲道 / Tactile paving'), ('ramp', '轮椅坡道 / Ramp'),
    ('lift', '无障碍电梯 / Lift'), ('toilet', '无障碍厕所 / Toilet'), ('entrance', '无障碍出入口 / Entrance'),
    ('parking', '无障碍停车位 / Parking'), ('other', '其他 / Other');

insert into clock_rules (code, days, name) values
    ('defect_rectification', 60, '无障碍整改：交办之日起60日内 / rectify within 60 days of assignment');

create table accessibility_defects (
    id              uuid          primary key,
    number          text          not null unique,
    type            text          not null references defect_types (code),
    address         text          not null,
    latitude        numeric(9, 6) not null,
    longitude       numeric(9, 6) not null,
    clause          text          not null,
    description     text          not null,
    community_code  text          not null,
    department      text,
    state           text          not null check (state in ('reported', 'confirmed', 'assigned', 'fixing', 'fixed', 'verified')),
    reported_on     date          not null,
    reported_by     text          not null,
    confirmed_on    date,
    assigned_on     date,
    due_on          date,
    fixed_on        date,
    fix_photo_id    uuid          references attachments (id),
    verified_on     date,
    verified_by     text
);

create index accessibility_defects_department on accessibility_defects (department, state);
create index accessibility_defects_area on accessibility_defects (community_code text_pattern_ops);
create sequence defect_numbers;
