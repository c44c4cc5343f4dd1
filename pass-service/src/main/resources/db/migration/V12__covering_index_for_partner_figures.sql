-- A partner's figures sum its venues' days: with the counts in the index, that is an index-only scan
-- (a year of one venue: a few index pages instead of one table page per day).
create index venue_daily_usage_covering on venue_daily_usage (venue_id, day)
    include (admissions, refusals, tickets, ticket_value_cents);
