-- Each scan's answer as a fact (for audits: admissions outside an agreement, the same pass at two
-- venues too far apart in too little time, spikes of refusals), with the event it came from.
create table admission_fact (
    admission_id uuid        primary key,
    event_id     varchar(100) not null,
    venue_id     uuid        not null,
    outcome      varchar(10) not null,
    reason       varchar(40) not null,
    pass_id      bigint,
    agreement_id uuid,
    scanned_at   timestamptz not null,
    day          date        not null
);
create index admission_fact_by_pass on admission_fact (pass_id, scanned_at);
create index admission_fact_by_venue on admission_fact (venue_id, day);

-- where a venue is, to tell how far apart two admissions are
alter table venue add column latitude double precision;
alter table venue add column longitude double precision;
