-- Shared by every service (shipped in the platform library): versions 1.x belong to the platform,
-- each service's own migrations start at version 2.

-- Every state change that other services must learn is written here in the same transaction as the
-- change, then relayed to Kafka in sequence order (see lu.kulturpass.platform.outbox.OutboxRelay).
create table outbox_event (
    sequence_number bigint generated always as identity primary key,
    event_id        uuid         not null unique,
    topic           varchar(100) not null,
    event_key       varchar(100) not null,
    event_type      varchar(100) not null,
    schema_version  integer      not null,
    occurred_at     timestamptz  not null,
    data            text         not null,
    published_at    timestamptz
);
create index outbox_event_unpublished on outbox_event (sequence_number) where published_at is null;

-- Every consumer records the events it applied in the same transaction as their effect, so a
-- redelivered event changes nothing.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
