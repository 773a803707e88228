-- Public-welfare posts (公益性岗位) funded by the federation: each post has its places and monthly allowance;
-- a person holds a post through an employment record of kind public_welfare_post naming it, and the month's
-- allowances are paid from the year's public_welfare_post programme (monthly), once per person and month.

create table public_welfare_posts (
    id                 uuid          primary key,
    name               text          not null,
    community_code     text          not null,
    places             integer       not null check (places between 1 and 1000),
    monthly_allowance  numeric(12,2) not null check (monthly_allowance > 0),
    created_by         text          not null,
    created_at         timestamptz   not null default now()
);

alter table employment_records add column post_id uuid null references public_welfare_posts (id);
alter table employment_records add constraint employment_records_post check (post_id is null or kind = 'public_welfare_post');
create index employment_records_post on employment_records (post_id) where post_id is not null;
