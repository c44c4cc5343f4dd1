-- Issue 22: what a scan keeps about a person is pseudonymised once its pass ended longer ago than the retention period
-- (lu.kulturpass.venue.privacy.ScanRetention): the token (the holder check: initials, birth year), who scanned and on
-- which device, who undid it and why. Outcome, reason, pass id, category, places, price, times and the performance stay.
-- The index finds the scans that still keep such detail.
create index admission_detail_kept on admission (scanned_at)
    where token is not null or scanned_by is not null or device is not null or door_device_id is not null
       or undone_by is not null or undone_on_device is not null or undo_reason is not null;
