-- Public keys that verify pass tokens, learned from pass-service's signing-key events.
create table verification_key (
    key_id       integer      primary key,
    public_key   varchar(100) not null,
    activated_at timestamptz  not null
);

-- Every scan at a box office: admitted or refused, by whom, with the client's nonce so a retried
-- scan gets the first answer back. The token is kept as scanned (it holds only what the card shows).
create table admission (
    id          uuid         primary key,
    venue_id    varchar(64)  not null,
    nonce       varchar(100) not null,
    token       varchar(400) not null,
    pass_id     bigint,
    outcome     varchar(20)  not null,
    reason      varchar(40)  not null,
    scanned_by  varchar(100) not null,
    device      varchar(100),
    scanned_at  timestamptz  not null,
    scan_day    date         not null,
    constraint admission_answered_once unique (venue_id, nonce)
);
-- at most one admission per pass, venue and day, enforced by the database even for two doors at once
create unique index admission_once_a_day on admission (venue_id, pass_id, scan_day) where outcome = 'ADMITTED';
