-- Signing keys: the public half only. Private keys come from configuration, never from here.
create table signing_key (
    key_id       integer      primary key,
    algorithm    varchar(20)  not null,
    public_key   varchar(100) not null,
    status       varchar(20)  not null,
    activated_at timestamptz  not null
);

-- A pass admits one person (or one group) for its validity window. No name, address or birth date:
-- the holder is known by the agency's pseudonymous reference; initials and birth year live only in
-- the signed token so the box office can match the card to an ID document.
create table pass (
    id              bigint       primary key,
    number          varchar(11)  not null unique,
    agency_id       varchar(64)  not null,
    holder_ref      varchar(64)  not null,
    idempotency_key varchar(128) not null,
    category        varchar(20)  not null,
    group_size      integer      not null,
    valid_from      date         not null,
    valid_until     date         not null,
    status          varchar(20)  not null,
    key_id          integer      not null references signing_key (key_id),
    token           varchar(200) not null,
    issued_at       timestamptz  not null,
    issued_by       varchar(100) not null,
    constraint pass_issued_once unique (agency_id, idempotency_key)
);
create index pass_by_holder on pass (agency_id, holder_ref);

-- Partners of the programme: cultural partners (with their venues) and social partners (agencies).
create table partner (
    id         uuid         primary key,
    kind       varchar(20)  not null,
    name       varchar(200) not null,
    created_at timestamptz  not null
);

create table venue (
    id         uuid         primary key,
    partner_id uuid         not null references partner (id),
    name       varchar(200) not null
);
create index venue_by_partner on venue (partner_id);

-- Read model fed by admission events: what each venue saw, per day.
create table venue_daily_usage (
    venue_id   uuid    not null,
    day        date    not null,
    admissions integer not null,
    refusals   integer not null,
    primary key (venue_id, day)
);
