-- Kulturpass places per performance: offered (from venue-service's performance events) and used
-- (admissions for that performance, less undone ones). Both feeds only add to or overwrite their own
-- columns, so they give the same figures in whatever order the two topics are read: an admission may
-- arrive before its performance's event (then the offer is not known yet: starts_at is null).
create table performance_places (
    performance_id uuid        primary key,
    venue_id       uuid        not null,
    day            date        not null,
    starts_at      timestamptz,
    places_offered integer     not null default 0,
    places_used    integer     not null default 0,
    cancelled      boolean     not null default false
);
create index performance_places_by_venue on performance_places (venue_id, day);

-- what an undo must take back, and whether it was
alter table admission_fact add column performance_id uuid;
alter table admission_fact add column tickets integer;
alter table admission_fact add column value_cents bigint;
alter table admission_fact add column undone_at timestamptz;
alter table admission_fact add column undo_event_id varchar(100);
create index admission_fact_by_performance on admission_fact (performance_id) where performance_id is not null;
