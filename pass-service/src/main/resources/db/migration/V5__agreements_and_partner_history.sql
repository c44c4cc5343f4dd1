-- Agreements between the programme and its partners, and the history of every change to partners
-- and agreements (who, what, when, before and after).
create table agreement (
    id                  uuid         primary key,
    partner_id          uuid         not null references partner (id),
    status              varchar(20)  not null,
    benefit             varchar(20),
    price_cents         integer,
    places_per_event    integer,
    accepted_categories varchar(60)  not null,
    valid_from          date         not null,
    valid_until         date         not null,
    signed_on           date,
    contact_name        varchar(200),
    contact_email       varchar(200),
    contact_phone       varchar(50),
    renewed_from        uuid references agreement (id),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
create index agreement_by_partner on agreement (partner_id, valid_from);
create index agreement_in_force_until on agreement (valid_until) where status in ('ACTIVE', 'SUSPENDED');

create table partner_change (
    id           bigint generated always as identity primary key,
    partner_id   uuid         not null references partner (id),
    agreement_id uuid,
    action       varchar(40)  not null,
    actor        varchar(100) not null,
    at           timestamptz  not null,
    before_state text,
    after_state  text
);
create index partner_change_by_partner on partner_change (partner_id, id);
