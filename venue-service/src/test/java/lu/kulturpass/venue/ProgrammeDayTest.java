package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The box office's day is Luxembourg's, whatever the machine's clock and zone: the clock is fixed at 23:59 and at 00:01
 * in Luxembourg on the days of the next two daylight-saving changes (a 23-hour and a 25-hour day), when UTC is still on
 * the day before (one or two hours behind).
 */
@QuarkusTest
class ProgrammeDayTest {

    static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");
    /** The days of the next two changes of Luxembourg's clocks: one goes forward (23 hours), the other back (25 hours). */
    static final List<LocalDate> CHANGES = nextChanges();

    private static List<LocalDate> nextChanges() {
        ZoneOffsetTransition first = LUXEMBOURG.getRules().nextTransition(Instant.now());
        ZoneOffsetTransition second = LUXEMBOURG.getRules().nextTransition(first.getInstant());
        return List.of(first.getDateTimeAfter().toLocalDate(), second.getDateTimeAfter().toLocalDate());
    }

    @Inject
    TestClock clock;

    @AfterEach
    void release() {
        clock.release();
    }

    static Instant luxembourg(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(LUXEMBOURG).toInstant();
    }

    /** A museum (free entry once a day, no performance) whose agreement runs from a year ago to two years ahead. */
    static String museum() {
        return venue("FREE_ENTRY", null);
    }

    /** A theatre (1.50 EUR, performances) whose agreement runs from a year ago to two years ahead. */
    static String theatre() {
        return venue("REDUCED_PRICE", "1.50");
    }

    private static String venue(String benefit, String price) {
        String venue = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now(LUXEMBOURG);
        PartnerCopies.publishTheatre(UUID.randomUUID().toString(), venue, "ADULT", benefit, price, null, "ACTIVE",
                today.minusYears(1), today.plusYears(2));
        return Door.known(venue);
    }

    @Test
    void aPassIsAdmittedAt2359OnItsLastDayInLuxembourgAndRefusedAsExpiredAt0001() {
        Door.passServicePublishedItsKey();
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, museum());
        for (LocalDate lastDay : CHANGES) {
            clock.fixAt(luxembourg(lastDay, 23, 59));
            JsonPath lastMinute = Door.scan(boxOffice, Door.token(lastDay.minusDays(10), lastDay), null);
            assertTrue(lastMinute.getBoolean("admitted"), lastDay + " 23:59: " + lastMinute.prettify());

            clock.fixAt(luxembourg(lastDay.plusDays(1), 0, 1));
            JsonPath nextMorning = Door.scan(boxOffice, Door.token(lastDay.minusDays(10), lastDay), null);
            assertFalse(nextMorning.getBoolean("admitted"), lastDay.plusDays(1) + " 00:01: " + nextMorning.prettify());
            assertEquals("EXPIRED", nextMorning.getString("reason"));
        }
    }

    @Test
    void aPassIsNotYetValidAt2359TheEveningBeforeItsFirstDayInLuxembourgAndAdmittedAt0001() {
        Door.passServicePublishedItsKey();
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, museum());
        for (LocalDate change : CHANGES) {
            LocalDate firstDay = change.plusDays(1);
            clock.fixAt(luxembourg(change, 23, 59));
            JsonPath eveningBefore = Door.scan(boxOffice, Door.token(firstDay, firstDay.plusYears(1)), null);
            assertEquals("NOT_YET_VALID", eveningBefore.getString("reason"), change + " 23:59: " + eveningBefore.prettify());

            clock.fixAt(luxembourg(firstDay, 0, 1));
            JsonPath firstMinute = Door.scan(boxOffice, Door.token(firstDay, firstDay.plusYears(1)), null);
            assertTrue(firstMinute.getBoolean("admitted"), firstDay + " 00:01: " + firstMinute.prettify());
        }
    }

    @Test
    void at0001InLuxembourgTodaysPerformancesAreTheNewDaysNotLastNights() {
        String venue = theatre();
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, venue);
        for (LocalDate change : CHANGES) {
            LocalDate next = change.plusDays(1);
            String lastNight = Door.performance(venue, 5, luxembourg(change, 20, 0).atZone(LUXEMBOURG).toOffsetDateTime());
            String afterMidnight = Door.performance(venue, 5, luxembourg(next, 0, 30).atZone(LUXEMBOURG).toOffsetDateTime());

            clock.fixAt(luxembourg(change, 23, 59));
            List<String> before = given().auth().oauth2(boxOffice).when().get("/performances").then().statusCode(200)
                    .extract().jsonPath().getList("performanceId");
            assertTrue(before.containsAll(List.of(lastNight, afterMidnight)), change + " 23:59: " + before);

            clock.fixAt(luxembourg(next, 0, 1));
            List<String> after = given().auth().oauth2(boxOffice).when().get("/performances").then().statusCode(200)
                    .extract().jsonPath().getList("performanceId");
            assertTrue(after.contains(afterMidnight), next + " 00:01: " + after);
            assertFalse(after.contains(lastNight), next + " 00:01: " + after);
            clock.release();
        }
    }
}
