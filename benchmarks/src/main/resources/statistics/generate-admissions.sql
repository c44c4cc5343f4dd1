-- Fills pass-service's statistics read model with generated usage, the way the live feeds would have:
-- :admissions admissions (default 10 million) over five years (2022-2026) at 250 venues of 120
-- cultural partners, by 40,000 passes of 55 agencies; venues' traffic is skewed (a few big theatres,
-- many small places); 5 % of scans refused. Deterministic ids (md5 of a counter), random spread.
-- Run by lu.kulturpass.benchmarks.statistics.PartnerYearQuery; ${admissions} is substituted.
set synchronous_commit = off;

insert into partner (id, kind, name, created_at)
select md5('partner' || i)::uuid, 'CULTURAL', 'Benchmark theatre ' || i, timestamptz '2021-06-01'
  from generate_series(1, 120) i;
insert into partner (id, kind, name, created_at)
select md5('agency' || i)::uuid, 'SOCIAL', 'Benchmark agency ' || i, timestamptz '2021-06-01'
  from generate_series(1, 55) i;
insert into venue (id, partner_id, name)
select md5('venue' || i)::uuid, md5('partner' || (1 + (i - 1) % 120))::uuid, 'Benchmark venue ' || i
  from generate_series(1, 250) i;
insert into stats_pass (pass_id, agency_id, holder_ref, category, issued_on)
select i, md5('agency' || (1 + i % 55))::uuid::text, 'holder-' || (i - i % 10 / 9), 'ADULT', date '2022-01-01' + (i % 1800)
  from generate_series(1, 40000) i;

create unlogged table generated_scan as
select i,
       1 + floor(250 * power(random(), 2))::int as venue,
       1 + floor(40000 * random())::int as pass,
       timestamptz '2022-01-01 10:00+01' + random() * interval '1825 days' as at,
       random() < 0.05 as refused
  from generate_series(1, ${admissions}) i;

insert into admission_fact (admission_id, event_id, venue_id, outcome, reason, pass_id, agreement_id, scanned_at, day)
select md5('admission' || i)::uuid, 'event-' || i, md5('venue' || venue)::uuid,
       case when refused then 'REFUSED' else 'ADMITTED' end, case when refused then 'ALREADY_ADMITTED_TODAY' else 'VALID' end,
       pass, null, at, (at at time zone 'Europe/Luxembourg')::date
  from generated_scan;

insert into venue_daily_usage (venue_id, day, admissions, refusals, tickets, ticket_value_cents)
select venue_id, day, count(*) filter (where outcome = 'ADMITTED'), count(*) filter (where outcome = 'REFUSED'),
       count(*) filter (where outcome = 'ADMITTED'), 150 * count(*) filter (where outcome = 'ADMITTED')
  from admission_fact group by venue_id, day;
insert into venue_daily_refusal (venue_id, day, reason, refusals)
select venue_id, day, reason, count(*) from admission_fact where outcome = 'REFUSED' group by venue_id, day, reason;
insert into venue_daily_price (venue_id, day, price_cents, tickets)
select venue_id, day, 150, count(*) from admission_fact where outcome = 'ADMITTED' group by venue_id, day;
insert into venue_monthly_pass (venue_id, month, pass_id, admissions)
select venue_id, date_trunc('month', day)::date, pass_id, count(*) from admission_fact where outcome = 'ADMITTED'
 group by venue_id, date_trunc('month', day), pass_id;

insert into partner_year_pass (partner_id, year, pass_id)
select distinct v.partner_id, extract(year from f.day)::int, f.pass_id
  from admission_fact f join venue v on v.id = f.venue_id where f.outcome = 'ADMITTED';
insert into partner_year_holders (partner_id, year, holders)
select partner_id, year, count(*) from partner_year_pass group by partner_id, year;

drop table generated_scan;
vacuum analyze;
