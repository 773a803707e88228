-- Help with the individual contributions of the urban-rural residents' basic pension and medical insurance
-- (城乡居民基本养老保险、医疗保险个人缴费资助) for poor and severely disabled people: who is covered and how
-- much, per insurance and year, as data. A holder is covered by grade (severe) or by a household status,
-- within the ages. The amounts are working defaults until the year's notice is entered.
create table contribution_rules (
    insurance  text          not null check (insurance in ('pension', 'medical')),
    year       integer       not null,
    amount     numeric(10,2) not null check (amount > 0),
    grades     integer[]     not null,
    statuses   text[]        not null,
    -- Ages reached in the year (by year of birth): the pension is for 16 to 59.
    min_age    integer       not null check (min_age >= 0),
    max_age    integer       null check (max_age >= min_age),
    source     text          not null,
    updated_by text          not null default 'migration',
    primary key (insurance, year)
);
insert into contribution_rules (insurance, year, amount, grades, statuses, min_age, max_age, source) values
    ('pension', 2026, 200.00, '{1,2}', '{registered_poor,minimum_living,extreme_poverty}', 16, 59,
     '城乡居民基本养老保险最低缴费档次代缴（默认值，待按年度文件核定）'),
    ('medical', 2026, 380.00, '{1,2}', '{registered_poor,minimum_living,extreme_poverty}', 0, null,
     '城乡居民基本医疗保险个人缴费资助（默认值，待按年度文件核定）');
