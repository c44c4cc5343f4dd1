-- Issue 6: performances and their Kulturpass places, the local copy of pass standing, undo, offline scans.

-- A venue's performance (show, screening, concert) and the Kulturpass places it offers. places_used is
-- the counter every admission moves in the same transaction as its insert, with a conditional update
-- (places_used + n <= places_offered): two doors scanning the last place cannot both get it.
create table performance (
    id             uuid         primary key,
    venue_id       varchar(64)  not null,
    title          varchar(200) not null,
    starts_at      timestamptz  not null,
    day            date         not null,
    places_offered integer      not null check (places_offered >= 0),
    places_used    integer      not null default 0 check (places_used >= 0),
    status         varchar(20)  not null,
    changed_by     varchar(100) not null,
    changed_at     timestamptz  not null
);
create index performance_by_venue_and_day on performance (venue_id, day);

-- What venue-service knows of each pass from pass-service's pass events (no names: ids, category,
-- validity, standing). A typed pass number is scanned against this copy.
create table pass_standing (
    pass_id             bigint      primary key,
    category            varchar(20),
    group_size          integer,
    valid_from          date,
    valid_until         date,
    status              varchar(20) not null,
    replaced_by_pass_id bigint,
    changed_at          timestamptz not null
);
create index pass_standing_not_admitting on pass_standing (status) where status <> 'ACTIVE';

alter table admission alter column token drop not null;
alter table admission add column performance_id uuid;
alter table admission add column places integer not null default 0;
alter table admission add column group_size integer;
alter table admission add column category varchar(20);
alter table admission add column typed_code boolean not null default false;
alter table admission add column offline boolean not null default false;
alter table admission add column double_use boolean not null default false;
alter table admission add column recorded_at timestamptz;
alter table admission add column undone_at timestamptz;
alter table admission add column undone_by varchar(100);
alter table admission add column undo_reason varchar(200);

-- once per pass and performance; once per pass, venue and day without a performance (museums). An
-- undone admission no longer counts; a double use found at an offline sync is recorded but not counted.
drop index admission_once_a_day;
create unique index admission_once_a_day on admission (venue_id, pass_id, scan_day)
    where outcome = 'ADMITTED' and performance_id is null and undone_at is null and not double_use;
create unique index admission_once_a_performance on admission (performance_id, pass_id)
    where outcome = 'ADMITTED' and performance_id is not null and undone_at is null and not double_use;
create index admission_recent on admission (venue_id, scanned_at desc);
