-- The 2020 plan's targets (2020年工作思路), as data: goal, and what the numerator and denominator count.
-- source says where the figures come from; a target whose source has not reported yet shows no rate.
create table report_targets (
    code              text          primary key,
    position          integer       not null unique,
    title_zh          text          not null,
    title_en          text          not null,
    goal              numeric(5,2)  not null check (goal > 0 and goal <= 100),
    numerator_means   text          not null,
    denominator_means text          not null,
    source            text          not null
);

insert into report_targets (code, position, title_zh, title_en, goal, numerator_means, denominator_means, source) values
    ('rehabilitation', 1, '有需求的残疾儿童和持证残疾人接受基本康复服务、辅具适配率', 'Basic rehabilitation and assistive devices for those in need',
     80, '年内评估有需求且获批、适配或完成服务的人数 / assessed in need and approved, fitted or served in the year',
     '年内评估有康复需求的人数 / assessed in need of rehabilitation in the year', 'rehabilitation'),
    ('compulsory_education', 2, '残疾儿童少年接受义务教育比例', 'Compulsory education of disabled children of school age',
     95, '教育局报告在学的6-15岁持证儿童 / certificate holders aged 6-15 the education bureau reports enrolled',
     '9月1日年满6-15岁的在册持证儿童 / active certificate holders aged 6-15 on 1 September', 'education_bureau'),
    ('social_security', 3, '残疾人基本保障（养老、医疗保险）参保率', 'Basic social security (pension and medical insurance)',
     95, '人社局报告参加养老和医疗保险的持证残疾人 / certificate holders the HR bureau reports insured for pension and medical care',
     '16周岁以上在册持证残疾人 / active certificate holders aged 16 or more', 'hr_bureau'),
    ('two_subsidies', 4, '一二级持证残疾人纳入两项补贴比例', 'Grade 1-2 certificate holders in the two subsidies',
     100, '年末在享护理补贴的一二级持证残疾人 / grade 1-2 holders enrolled in the care subsidy at the year''s end',
     '在册一二级持证残疾人 / active grade 1-2 certificate holders', 'relief');
