-- The rules grievance clocks and checks read, as data the district edits (DOMAIN.md, "Rules that law and province set").

-- The working-day calendar: only the exceptions to "Monday to Friday work". Public holidays and the make-up
-- working days (调休) follow the State Council's notice of each year.
create table calendar_days (
    day      date    primary key,
    working  boolean not null,
    name     text    not null,
    source   text    not null
);

insert into calendar_days (day, working, name, source)
select d::date, false, name, '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'
from (values ('2026-01-01', '2026-01-03', '元旦'), ('2026-02-15', '2026-02-23', '春节'), ('2026-04-04', '2026-04-06', '清明节'),
             ('2026-05-01', '2026-05-05', '劳动节'), ('2026-06-19', '2026-06-21', '端午节'), ('2026-09-25', '2026-09-27', '中秋节'),
             ('2026-10-01', '2026-10-07', '国庆节')) as h(first, last, name),
     generate_series(first::date, last::date, interval '1 day') as d;

insert into calendar_days (day, working, name, source) values
    ('2026-01-04', true, '元旦调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'),
    ('2026-02-14', true, '春节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'),
    ('2026-02-28', true, '春节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'),
    ('2026-05-09', true, '劳动节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'),
    ('2026-09-20', true, '国庆节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'),
    ('2026-10-10', true, '国庆节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）');

-- 2027: the statutory days of 全国年节及纪念日放假办法 (2024) only, until the State Council's 2027 notice with
-- its bridging days and make-up Saturdays is entered.
insert into calendar_days (day, working, name, source)
select d::date, false, name, '全国年节及纪念日放假办法（法定节日，待2027年放假通知补充调休）'
from (values ('2027-01-01', '2027-01-01', '元旦'), ('2027-02-05', '2027-02-08', '春节'), ('2027-04-05', '2027-04-05', '清明节'),
             ('2027-05-01', '2027-05-02', '劳动节'), ('2027-06-09', '2027-06-09', '端午节'), ('2027-09-15', '2027-09-15', '中秋节'),
             ('2027-10-01', '2027-10-03', '国庆节')) as h(first, last, name),
     generate_series(first::date, last::date, interval '1 day') as d;

-- Periods of the clocks. Petitions count calendar days (信访工作条例 2022); work orders count working days.
create table clock_rules (
    code  text    primary key,
    days  integer not null check (days >= 0),
    name  text    not null
);

insert into clock_rules (code, days, name) values
    ('petition_acceptance', 15, '受理告知：收到之日起15日内 / decide on acceptance within 15 days of receipt'),
    ('petition_handling', 60, '办理答复：受理之日起60日内 / reply within 60 days of acceptance'),
    ('petition_extension_max', 30, '延长办理：最多30日 / extension at most 30 days'),
    ('review_request', 30, '复查（复核）申请：答复之日起30日内 / ask review within 30 days of the reply'),
    ('review_answer', 30, '复查（复核）答复：收到申请之日起30日内 / answer review within 30 days'),
    ('at_risk', 3, '临期提醒：剩余3日及以内 / at risk with 3 days or less left'),
    ('work_order_sign', 1, '工单签收：1个工作日 / sign a work order within 1 working day'),
    ('work_order_extension_max', 10, '工单延期：一次，最多10个工作日 / one extension of at most 10 working days'),
    ('supervision_returns', 2, '督办：退单两次及以上 / supervision after a second return');

-- 12345 order types with their handling deadline in working days from receipt.
create table work_order_types (
    code          text    primary key,
    name          text    not null,
    working_days  integer not null check (working_days > 0)
);

insert into work_order_types (code, name, working_days) values
    ('consultation', '咨询', 3), ('help_request', '求助', 5), ('complaint', '投诉', 10), ('report', '举报', 10), ('suggestion', '建议', 10);

-- What a grievance is about.
create table subjects (
    code  text primary key,
    name  text not null
);

insert into subjects (code, name) values
    ('employment_dispute', '劳动就业纠纷 / Employment dispute'), ('rent', '房租纠纷 / Rent'), ('debt', '债务纠纷 / Debt'),
    ('benefits', '补贴待遇 / Benefits'), ('hardship', '生活困难 / Hardship'), ('accessibility', '无障碍设施 / Accessibility'),
    ('service_quality', '服务质量 / Service quality'), ('rehabilitation', '康复服务 / Rehabilitation'), ('other', '其他 / Other');

-- The district's bounding box: coordinates (WGS-84) of a defect must fall in it.
create table district_bounds (
    area_code  text          primary key,
    min_lat    numeric(9, 6) not null,
    max_lat    numeric(9, 6) not null,
    min_lon    numeric(9, 6) not null,
    max_lon    numeric(9, 6) not null
);

insert into district_bounds values ('430103', 28.020000, 28.200000, 112.930000, 113.090000);

-- Files attached to cases and defects: the types and the size the service accepts.
create table attachment_rules (
    content_type  text   primary key,
    max_bytes     bigint not null check (max_bytes > 0)
);

insert into attachment_rules values ('image/jpeg', 10485760), ('image/png', 10485760), ('application/pdf', 20971520);
