-- Door devices: a shared tablet or phone a venue manager paired to the venue. The device holds a random secret in an
-- HttpOnly cookie; only its SHA-256 is kept here. A revoked device is refused; last_synced_at moves (at most once a
-- minute) when it scans, syncs or fetches the offline kit; last_person is the pseudonymous id (token subject) of the
-- last person signed in on it when it did.
create table door_device (
    id             uuid         primary key,
    venue_id       varchar(64)  not null,
    name           varchar(80)  not null,
    created_at     timestamptz  not null,
    created_by     varchar(100) not null,
    paired_at      timestamptz,
    secret_hash    varchar(64)  unique,
    revoked_at     timestamptz,
    revoked_by     varchar(100),
    last_synced_at timestamptz,
    last_person    varchar(100)
);
create index door_device_venue on door_device (venue_id, created_at);

-- One-time setup codes: shown once (and as a QR code) to the venue manager, valid 10 minutes, dead after first use.
-- Only the code's SHA-256 is kept.
create table device_pairing_code (
    code_hash  varchar(64) primary key,
    device_id  uuid        not null references door_device (id),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index device_pairing_code_device on device_pairing_code (device_id);

-- Who scanned: a paired device's scan records the device (door_device_id, and its id as device) and the person signed
-- in on it, if anyone: scanned_by is empty for a paired device used without a person.
alter table admission alter column scanned_by drop not null;
alter table admission add column door_device_id uuid references door_device (id);
alter table admission add column undone_on_device uuid references door_device (id);
