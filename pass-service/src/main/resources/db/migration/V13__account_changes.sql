-- Who changed which staff account, and when (kulturpass.accounts, from every service): read by programme staff and by a
-- partner's own managers. Staff user names only; nothing about beneficiaries.
create table account_change (
    event_id       uuid primary key,
    account_id     varchar(64),
    username       varchar(255) not null,
    action         varchar(16)  not null,
    role           varchar(32),
    partner_id     varchar(64),
    actor_id       varchar(255) not null,
    actor_username varchar(255),
    actor_role     varchar(32),
    changed_at     timestamptz  not null
);
create index account_change_partner_time on account_change (partner_id, changed_at desc);
create index account_change_time on account_change (changed_at desc);
