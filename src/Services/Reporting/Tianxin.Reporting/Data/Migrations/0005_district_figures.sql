-- The district's figures per programme, measure and year, kept between drafts: counting distinct people and
-- households over a year's facts took seconds at a million events, and most of a year does not change between
-- two drafts. A partition (year, programme, measure) is marked stale when a fact of it arrives or a person
-- with facts in it moves or changes household; a draft counts the stale partitions again and reads the rest.
create table report_figures (
    year       integer       not null,
    programme  text          not null,
    measure    text          not null,
    month      smallint      null,
    street     text          null,
    facts      bigint        not null,
    people     bigint        not null,
    households bigint        not null,
    items      bigint        not null,
    amount     numeric(16,2) not null
);
create index report_figures_partition on report_figures (year, programme, measure);

-- One row per change; a refresh deletes the rows it read and no others, so a mark made while it counts stays.
create table report_figures_stale (
    id        bigint  generated always as identity primary key,
    year      integer not null,
    programme text    not null,
    measure   text    not null
);
create index report_figures_stale_year on report_figures_stale (year);

insert into report_figures_stale (year, programme, measure) select distinct year, programme, measure from report_facts;
