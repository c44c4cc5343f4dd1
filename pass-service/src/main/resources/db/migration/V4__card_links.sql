-- Mobile card links: a beneficiary opens their card on a phone through a link with a random secret
-- that their agency sends them. Only the secret's SHA-256 is kept, so this table alone cannot open
-- any card; making a new link for a pass replaces (and so revokes) the previous one. No name here.
create table card_link (
    pass_id     bigint      primary key references pass (id),
    secret_hash varchar(64) not null unique,
    created_at  timestamptz not null,
    created_by  varchar(100) not null
);
