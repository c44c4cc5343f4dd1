package lu.kulturpass.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.ScrapedMetrics;
import org.junit.jupiter.api.Test;

/** What operators read at venue-service's /q/metrics about the doors (docs/observability.md). */
@QuarkusTest
class DoorMetricsTest {

    private static final String ANSWERS = "kulturpass_scan_answers_total";
    private static final String SCANS_TIMED = "kulturpass_scan_duration_seconds_count";

    @Test
    void everyLiveScanIsCountedUnderItsReasonAndTimed() {
        Door.passServicePublishedItsKey();
        String venue = Door.theatre();
        String performance = Door.performance(venue, 100);
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, venue);
        ScrapedMetrics before = ScrapedMetrics.now();
        assertFalse(Double.isNaN(before.value(ANSWERS, "reason=\"UNKNOWN_KEY\"")), "every reason is counted from 0, before its first answer");

        Door.scan(boxOffice, Door.validToken(), performance);
        Door.scan(boxOffice, Door.token(LocalDate.now().minusYears(2), LocalDate.now().minusDays(1)), performance);
        Door.scan(boxOffice, Door.token(LocalDate.now().minusYears(2), LocalDate.now().minusDays(1)), performance);

        ScrapedMetrics after = ScrapedMetrics.now();
        assertEquals(1, after.value(ANSWERS, "reason=\"VALID\"") - before.value(ANSWERS, "reason=\"VALID\""));
        assertEquals(2, after.value(ANSWERS, "reason=\"EXPIRED\"") - before.value(ANSWERS, "reason=\"EXPIRED\""));
        assertEquals(3, after.value(SCANS_TIMED) - before.value(SCANS_TIMED));
        assertTrue(after.names().contains("kulturpass_scan_duration_seconds_bucket"), "the scan time is a histogram");
        assertTrue(after.value("kulturpass_scan_duration_seconds_sum") > before.value("kulturpass_scan_duration_seconds_sum"));
    }
}
