package lu.kulturpass.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The programme's day at fixed instants: either side of midnight in Luxembourg, and on the daylight-saving changes. */
class ProgrammeCalendarTest {

    static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");

    /** The instant the wall clock in Luxembourg shows this. */
    static Instant luxembourg(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LUXEMBOURG).toInstant();
    }

    static ProgrammeCalendar at(Instant instant) {
        return ProgrammeCalendar.fixedAt(instant, LUXEMBOURG);
    }

    @Test
    void at2359InLuxembourgTodayIsStillThatDayAndTheNextBeginsAMinuteLater() {
        for (String wall : new String[] {"2026-01-31T23:59", "2026-07-31T23:59"}) {
            ProgrammeCalendar calendar = at(luxembourg(wall));
            LocalDate day = LocalDate.parse(wall.substring(0, 10));
            assertEquals(day, calendar.today());
            assertEquals(Duration.ofMinutes(1), Duration.between(calendar.now(), calendar.startOf(day.plusDays(1)).toInstant()));
        }
    }

    @Test
    void at0001InLuxembourgTodayIsTheNewDayAlthoughUtcIsStillOnThePreviousOne() {
        Instant winter = luxembourg("2026-02-01T00:01");
        assertEquals(LocalDate.of(2026, 1, 31), winter.atOffset(ZoneOffset.UTC).toLocalDate());
        assertEquals(LocalDate.of(2026, 2, 1), at(winter).today());
        Instant summer = luxembourg("2026-08-01T00:01");
        assertEquals(LocalDate.of(2026, 7, 31), summer.atOffset(ZoneOffset.UTC).toLocalDate());
        assertEquals(LocalDate.of(2026, 8, 1), at(summer).today());
    }

    @Test
    void aTimestampIsStampedInUtcWhateverTheProgrammeZone() {
        Instant instant = luxembourg("2026-02-01T00:01");
        OffsetDateTime stamped = at(instant).nowUtc();
        assertEquals(ZoneOffset.UTC, stamped.getOffset());
        assertEquals(instant, stamped.toInstant());
        assertEquals(instant, at(instant).now());
    }

    @Test
    void theDayClocksGoForwardIn2026Lasts23HoursAndBeginsAtLuxembourgMidnight() {
        ProgrammeCalendar calendar = at(luxembourg("2026-03-29T12:00"));
        LocalDate change = LocalDate.of(2026, 3, 29);
        assertEquals(OffsetDateTime.parse("2026-03-28T23:00Z"), calendar.startOf(change));
        assertEquals(Duration.ofHours(23), Duration.between(calendar.startOf(change), calendar.startOf(change.plusDays(1))));
        // 00:30 UTC is 01:30 CET, before the change at 02:00: already the 29th in Luxembourg
        assertEquals(change, calendar.dayOf(Instant.parse("2026-03-29T00:30:00Z")));
        // 21:59 UTC is 23:59 CEST: still the 29th; 22:01 UTC is 00:01 CEST on the 30th
        assertEquals(change, calendar.dayOf(Instant.parse("2026-03-29T21:59:00Z")));
        assertEquals(change.plusDays(1), calendar.dayOf(Instant.parse("2026-03-29T22:01:00Z")));
    }

    @Test
    void theDayClocksGoBackIn2026Lasts25HoursAndBeginsAtLuxembourgMidnight() {
        ProgrammeCalendar calendar = at(luxembourg("2026-10-25T12:00"));
        LocalDate change = LocalDate.of(2026, 10, 25);
        assertEquals(OffsetDateTime.parse("2026-10-24T22:00Z"), calendar.startOf(change));
        assertEquals(Duration.ofHours(25), Duration.between(calendar.startOf(change), calendar.startOf(change.plusDays(1))));
        // 22:30 UTC on the 24th is 00:30 CEST on the 25th
        assertEquals(change, calendar.dayOf(Instant.parse("2026-10-24T22:30:00Z")));
        // 22:59 UTC on the 25th is 23:59 CET: still the 25th; 23:01 UTC is 00:01 on the 26th
        assertEquals(change, calendar.dayOf(Instant.parse("2026-10-25T22:59:00Z")));
        assertEquals(change.plusDays(1), calendar.dayOf(Instant.parse("2026-10-25T23:01:00Z")));
    }

    @Test
    void dayOfATimestampDoesNotDependOnTheOffsetItWasWrittenWith() {
        ProgrammeCalendar calendar = at(Instant.EPOCH);
        assertEquals(LocalDate.of(2026, 3, 1), calendar.dayOf(OffsetDateTime.parse("2026-02-28T23:30Z")));
        assertEquals(LocalDate.of(2026, 3, 1), calendar.dayOf(OffsetDateTime.parse("2026-03-01T00:30+01:00")));
    }
}
