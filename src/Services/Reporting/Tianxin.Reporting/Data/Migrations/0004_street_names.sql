-- The streets' names, for the report's charts: the registry's reference areas, kept here as the report's own words
-- (the district edits them when a street is renamed or divided).
create table report_street_names (
    code text primary key,
    name text not null
);

insert into report_street_names (code, name) values
    ('430103001', '裕南街街道'),
    ('430103002', '坡子街街道'),
    ('430103003', '城南路街道'),
    ('430103004', '金盆岭街道'),
    ('430103005', '新开铺街道'),
    ('430103006', '青园街道'),
    ('430103007', '桂花坪街道'),
    ('430103008', '赤岭路街道'),
    ('430103009', '先锋街道'),
    ('430103010', '黑石铺街道'),
    ('430103011', '大托铺街道'),
    ('430103012', '文源街道'),
    ('430103013', '南托街道'),
    ('430103014', '暮云街道');
