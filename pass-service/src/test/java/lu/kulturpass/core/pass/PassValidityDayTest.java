package lu.kulturpass.core.pass;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.core.TestClock;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pass issued is valid from the programme's day, Luxembourg's: issued at 00:01 in Luxembourg it starts that day
 * although UTC is still on the day before. The clock is fixed on the next two daylight-saving changes (the signing key
 * in force now still signs then; an earlier day would predate it).
 */
@QuarkusTest
class PassValidityDayTest {

    static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");

    @Inject
    TestClock clock;

    @AfterEach
    void release() {
        clock.release();
    }

    /** The days of the next two daylight-saving changes in Luxembourg (one forward, one back). */
    static List<LocalDate> nextChanges() {
        List<LocalDate> days = new ArrayList<>();
        Instant after = Instant.now();
        while (days.size() < 2) {
            after = LUXEMBOURG.getRules().nextTransition(after).getInstant();
            days.add(after.atZone(LUXEMBOURG).toLocalDate());
        }
        return days;
    }

    static Instant luxembourg(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(LUXEMBOURG).toInstant();
    }

    static JsonPath issue(String agency) {
        return given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, agency)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body("{\"holderRef\":\"" + UUID.randomUUID() + "\",\"category\":\"ADULT\",\"initials\":\"MS\",\"birthYear\":1984}")
                .when().post("/passes").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aPassIssuedAt2359InLuxembourgStartsThatDayAndOneIssuedAt0001StartsTheNextForTwoYears() {
        String agency = RegisteredPartners.agency();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        RegisteredPartners.move(RegisteredPartners.agreement(agency, today.minusMonths(1), today.plusYears(2)), "ACTIVATE")
                .statusCode(200);
        for (LocalDate change : nextChanges()) {
            clock.fixAt(luxembourg(change, 23, 59));
            JsonPath lateEvening = issue(agency);
            assertEquals(change.toString(), lateEvening.getString("validFrom"), "issued " + change + " 23:59");
            assertEquals(change.plusYears(2).minusDays(1).toString(), lateEvening.getString("validUntil"));

            LocalDate next = change.plusDays(1);
            clock.fixAt(luxembourg(next, 0, 1));
            JsonPath afterMidnight = issue(agency);
            assertEquals(next.toString(), afterMidnight.getString("validFrom"), "issued " + next + " 00:01");
            assertEquals(next.plusYears(2).minusDays(1).toString(), afterMidnight.getString("validUntil"));
        }
    }
}
