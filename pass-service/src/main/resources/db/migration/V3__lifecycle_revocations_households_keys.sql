-- Pass lifecycle: households, replacement links, and every transition with actor, reason and time.
alter table pass add column household_ref varchar(64);
alter table pass add column replaces_pass_id bigint references pass (id);
alter table pass add column replaced_by_pass_id bigint references pass (id);
create index pass_by_household on pass (agency_id, household_ref);
create index pass_due_to_expire on pass (valid_until) where status in ('ACTIVE', 'SUSPENDED');

create table pass_transition (
    id          bigint generated always as identity primary key,
    pass_id     bigint       not null references pass (id),
    transition  varchar(20)  not null,
    from_status varchar(20)  not null,
    to_status   varchar(20)  not null,
    reason      varchar(30)  not null,
    note        varchar(200),
    actor       varchar(100) not null,
    at          timestamptz  not null
);
create index pass_transition_by_pass on pass_transition (pass_id, id);

-- What offline scanners sync: each entry changes a pass's standing, in version order. Entries of
-- passes whose validity has ended are left out of answers: such tokens are refused anyway.
create table revocation (
    version     bigint generated always as identity primary key,
    pass_id     bigint      not null references pass (id),
    standing    varchar(20) not null,
    valid_until date        not null,
    at          timestamptz not null
);

-- Signing keys: the private half is kept encrypted (AES-GCM under the master key from configuration).
-- The key that signs is the newest valid key whose activation time has come; every valid key verifies.
alter table signing_key add column encrypted_private_key varchar(200);
alter table signing_key add column retired_at timestamptz;
alter table signing_key add column created_by varchar(100);
update signing_key set status = 'VALID' where status = 'ACTIVE';
