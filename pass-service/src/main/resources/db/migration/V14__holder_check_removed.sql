-- Issue 22: the holder check (initials and birth year) lives only inside the signed token. When the holder is erased
-- in eligibility-service (enrolment.erased), or when the pass ended longer ago than the retention period, the token is
-- deleted: the pass keeps its id, number, category, validity and standing (what the statistics and the revocation list
-- need), and says when and why its token went. A pass without a token admits nobody and prints no card.
alter table pass alter column token drop not null;
alter table pass add column token_removed_at timestamptz;
alter table pass add column token_removed_because varchar(20);
alter table pass add constraint pass_token_or_removal check ((token is null) = (token_removed_at is not null));
-- the retention rule looks for ended passes that still hold a token
create index pass_token_kept_until on pass (valid_until) where token is not null;
