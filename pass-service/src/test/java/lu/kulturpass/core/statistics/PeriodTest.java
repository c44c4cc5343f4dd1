package lu.kulturpass.core.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.junit.jupiter.api.Test;

/** A report's default period is the programme's year: on New Year's night, Luxembourg's, not UTC's. */
class PeriodTest {

    static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");

    static ProgrammeCalendar atLuxembourg(String wallClock) {
        return ProgrammeCalendar.fixedAt(LocalDateTime.parse(wallClock).atZone(LUXEMBOURG).toInstant(), LUXEMBOURG);
    }

    @Test
    void at2359OnNewYearsEveTheDefaultPeriodIsTheEndingYear() {
        Period period = Period.of(null, null, atLuxembourg("2026-12-31T23:59").today());
        assertEquals("2026-01-01_2026-12-31", period.label());
    }

    @Test
    void at0001OnNewYearsDayInLuxembourgTheDefaultPeriodIsTheNewYearThoughUtcIsStillInTheOldOne() {
        Period period = Period.of(null, null, atLuxembourg("2027-01-01T00:01").today());
        assertEquals("2027-01-01_2027-12-31", period.label());
    }
}
