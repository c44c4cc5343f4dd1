-- Statistics read model, fed only by events (admissions, passes, enrolments); every update is a
-- commutative increment or an idempotent insert, so replaying the topics in any interleaving
-- rebuilds the same figures. Days are Luxembourg days.
alter table venue_daily_usage add column ticket_value_cents bigint not null default 0;
alter table venue_daily_usage add column tickets integer not null default 0;

create table venue_daily_refusal (
    venue_id uuid        not null,
    day      date        not null,
    reason   varchar(40) not null,
    refusals integer     not null,
    primary key (venue_id, day, reason)
);

create table venue_daily_price (
    venue_id    uuid    not null,
    day         date    not null,
    price_cents integer not null,
    tickets     integer not null,
    primary key (venue_id, day, price_cents)
);

-- who came where, per month: distinct holders per venue, active holders per agency
create table venue_monthly_pass (
    venue_id   uuid    not null,
    month      date    not null,
    pass_id    bigint  not null,
    admissions integer not null,
    primary key (venue_id, month, pass_id)
);
create index venue_monthly_pass_by_pass on venue_monthly_pass (pass_id);

create table stats_pass (
    pass_id    bigint      primary key,
    agency_id  varchar(64) not null,
    holder_ref varchar(64) not null,
    category   varchar(20) not null,
    issued_on  date        not null
);
create index stats_pass_by_agency on stats_pass (agency_id);

create table stats_enrolment (
    beneficiary_id      varchar(64) primary key,
    agency_id           varchar(64) not null,
    age_band            varchar(10),
    household_situation varchar(40),
    municipality        varchar(100),
    enrolled_on         date        not null,
    approved_on         date
);
create index stats_enrolment_by_agency on stats_enrolment (agency_id);
