-- People enrolled by a social agency. Names and birth dates live here and nowhere else in the
-- platform; other services know a beneficiary only by this table's random id.
create table beneficiary (
    id          uuid         primary key,
    agency_id   varchar(64)  not null,
    first_name  varchar(100) not null,
    last_name   varchar(100) not null,
    birth_date  date         not null,
    status      varchar(20)  not null,
    pass_id     bigint,
    pass_number varchar(11),
    enrolled_at timestamptz  not null,
    enrolled_by varchar(100) not null,
    decided_at  timestamptz,
    decided_by  varchar(100)
);
create index beneficiary_by_agency on beneficiary (agency_id, last_name, first_name);
