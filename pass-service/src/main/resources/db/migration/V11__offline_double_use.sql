-- An admission a box office recorded offline although the pass had already been admitted for that
-- performance or day (venue-service flags it when the device syncs): the holder came in, so it counts
-- as an admission, but not as a Kulturpass place, and the audit lists it.
alter table admission_fact add column double_use boolean not null default false;
create index admission_fact_double_use on admission_fact (day) where double_use;
