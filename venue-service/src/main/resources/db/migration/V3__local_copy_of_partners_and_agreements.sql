-- venue-service's copy of the partner topic: which cultural partner each venue belongs to, and the
-- partner's agreements (benefit, price, places, accepted categories, validity, status).
create table venue (
    id           varchar(64)  primary key,
    partner_id   uuid         not null,
    name         varchar(200) not null
);
create index venue_by_partner on venue (partner_id);

create table agreement (
    id                  uuid        primary key,
    partner_id          uuid        not null,
    status              varchar(20) not null,
    benefit             varchar(20),
    price_cents         integer,
    places_per_event    integer,
    accepted_categories varchar(60) not null,
    valid_from          date        not null,
    valid_until         date        not null
);
create index agreement_by_partner on agreement (partner_id);

-- what the holder was charged, kept with each admission
alter table admission add column price_cents integer;
alter table admission add column agreement_id uuid;
