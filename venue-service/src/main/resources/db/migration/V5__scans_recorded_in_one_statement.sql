-- Scans recorded together are written by ONE statement that commits on its own (admission.Recording): it takes each
-- performance's places with a conditional update, inserts the admissions and their outbox events. When a
-- performance had fewer places left than the facts read a moment before said, that statement must write nothing
-- at all: it calls this function with the number of performances it asked places of and the number it got, and
-- the function stops the statement (and so its transaction, places, admissions and events together) with
-- SQLSTATE KP409, which the service reads as "decide these scans again".
create function admission_places_all_taken(asked integer, taken bigint) returns boolean
    language plpgsql as
$$
begin
    if taken <> asked then
        raise exception 'a performance''s places changed while its scans were decided (% asked, % taken)', asked, taken
            using errcode = 'KP409';
    end if;
    return true;
end
$$;
