-- Distinct holders per cultural partner and year as a running count, raised only when a pass is
-- new to partner_year_pass: a partner-year figure reads one row instead of counting its passes.
create table partner_year_holders (
    partner_id uuid    not null,
    year       integer not null,
    holders    integer not null,
    primary key (partner_id, year)
);
insert into partner_year_holders (partner_id, year, holders)
select partner_id, year, count(*) from partner_year_pass group by partner_id, year;
