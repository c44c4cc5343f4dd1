package lu.kulturpass.core.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.core.pass.PassStatus;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.ServiceDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The retention rule on the real database: a pass that ended longer ago than the period (3 years) loses its token,
 * card link and notes; a pass that still admits, or ended recently, keeps them; figures stay; a second run finds none.
 */
@QuarkusTest
class PassRetentionTest {

    private final ServiceDatabase database = ServiceDatabase.ofTheServiceUnderTest();
    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);

    @Inject
    PassRetention retention;

    private static long issue(String staff) {
        return given().auth().oauth2(staff).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"holderRef\":\"" + UUID.randomUUID() + "\",\"category\":\"ADULT\",\"initials\":\"RT\",\"birthYear\":1960}")
                .when().post("/passes").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private Pass pass(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Pass.<Pass>findById(id));
    }

    private String statistics(String agencyId) {
        return given().auth().oauth2(programmeStaff).when().get("/statistics/partners/" + agencyId)
                .then().statusCode(200).extract().asString();
    }

    @Test
    void passesThatEndedLongerAgoThanTheRetentionPeriodLoseWhatIdentifiesTheirHolder() {
        String agencyId = RegisteredPartners.agencyWithAgreementInForce();
        String staff = BearerTokens.token(Roles.AGENCY_STAFF, agencyId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate today = now.toLocalDate();

        long revokedLongAgo = issue(staff);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"language\":\"fr\"}")
                .when().post("/passes/" + revokedLongAgo + "/card-link").then().statusCode(200);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"transition\":\"REVOKE\",\"reason\":\"MISUSE\",\"note\":\"seen twice\"}")
                .when().post("/passes/" + revokedLongAgo + "/transitions").then().statusCode(200);
        database.update("update pass_transition set at = ?1 where pass_id = ?2", now.minusYears(3).minusDays(2), revokedLongAgo);
        long expiredLongAgo = issue(staff);
        database.update("update pass set status = 'EXPIRED', valid_from = ?1, valid_until = ?2 where id = ?3",
                today.minusYears(5), today.minusYears(3).minusDays(1), expiredLongAgo);
        long expiredRecently = issue(staff);
        database.update("update pass set status = 'EXPIRED', valid_from = ?1, valid_until = ?2 where id = ?3",
                today.minusYears(3), today.minusYears(1), expiredRecently);
        long revokedRecently = issue(staff);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"transition\":\"REVOKE\",\"reason\":\"MISUSE\",\"note\":\"kept\"}")
                .when().post("/passes/" + revokedRecently + "/transitions").then().statusCode(200);
        long active = issue(staff);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JsonPath.from(statistics(agencyId)).getInt("passesIssued") == 5);
        String before = statistics(agencyId);
        String revokedToken = pass(revokedLongAgo).token;
        String expiredToken = pass(expiredLongAgo).token;

        retention.apply(now);

        assertNull(pass(revokedLongAgo).token);
        assertEquals(Pass.RETENTION, pass(revokedLongAgo).tokenRemovedBecause);
        assertEquals(PassStatus.REVOKED, pass(revokedLongAgo).status);
        assertNull(pass(expiredLongAgo).token);
        assertEquals(List.of(), database.tablesHolding(revokedToken));
        assertEquals(List.of(), database.tablesHolding(expiredToken));
        assertEquals(0L, database.count("select count(*) from pass_transition where pass_id = ?1 and note is not null", revokedLongAgo));
        assertEquals(0L, database.count("select count(*) from card_link where pass_id = ?1", revokedLongAgo));
        assertEquals(1L, database.count("select count(*) from pass_transition where pass_id = ?1 and reason = 'MISUSE'", revokedLongAgo),
                "the transition's code is kept");
        assertNotNull(pass(expiredRecently).token);
        assertNotNull(pass(revokedRecently).token);
        assertEquals(1L, database.count("select count(*) from pass_transition where pass_id = ?1 and note = 'kept'", revokedRecently));
        assertNotNull(pass(active).token);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"transition\":\"RENEW\",\"reason\":\"RENEWAL\"}")
                .when().post("/passes/" + expiredLongAgo + "/transitions").then().statusCode(409);
        assertEquals(before, statistics(agencyId), "the statistics moved");

        assertEquals(0, retention.apply(now), "a second run found passes again");
    }
}
