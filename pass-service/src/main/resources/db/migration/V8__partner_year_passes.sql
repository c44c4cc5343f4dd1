-- Distinct passes admitted per cultural partner and year, kept as they come so a partner-year
-- figure is an index-only count, however many admissions there are.
create table partner_year_pass (
    partner_id uuid    not null,
    year       integer not null,
    pass_id    bigint  not null,
    primary key (partner_id, year, pass_id)
);
