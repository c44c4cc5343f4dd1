package lu.kulturpass.core.pass;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import lu.kulturpass.core.partner.RegisteredPartners;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RevocationListTest {

    private final Passes passes = new Passes();
    private String scanner;

    @BeforeEach
    void aBoxOfficeAtAVenueTheProgrammeKnows() {
        scanner = BearerTokens.token(Roles.BOX_OFFICE, RegisteredPartners.theatre().getString("venues[0].id"));
    }

    private JsonPath since(long version) {
        return given().auth().oauth2(scanner).queryParam("since", version).when().get("/revocations")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void scannerSyncsOnlyWhatChangedSinceItsVersion() {
        long held = since(0).getLong("version");
        long revoked = passes.inStanding(PassStatus.REVOKED);
        long suspended = passes.inStanding(PassStatus.SUSPENDED);
        JsonPath changes = since(held);
        assertEquals(List.of(revoked, suspended), changes.getList("entries.passId", Long.class));
        assertEquals(List.of("REVOKED", "SUSPENDED"), changes.getList("entries.standing"));
        long now = changes.getLong("version");
        assertTrue(now > held);

        given().auth().oauth2(scanner).queryParam("since", now).when().get("/revocations")
                .then().body("entries", empty()).body("version", equalTo((int) now));
        passes.move(suspended, "REINSTATE", "DOUBT_CLEARED").statusCode(200);
        assertEquals(List.of("ACTIVE"), since(now).getList("entries.standing"));
    }

    @Test
    void passesWhoseValidityEndedLeaveTheList() {
        long held = since(0).getLong("version");
        long revoked = passes.inStanding(PassStatus.REVOKED);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> Revocation.update(
                "validUntil = ?1 where passId = ?2", java.time.LocalDate.now().minusDays(1), revoked));
        assertTrue(since(held).getList("entries.passId", Long.class).isEmpty());
    }

    @Test
    void onlyScannersAndProgrammeStaffReadTheList() {
        given().auth().oauth2(passes.staff()).when().get("/revocations").then().statusCode(403).contentType("application/problem+json");
        given().when().get("/revocations").then().statusCode(401);
        given().auth().oauth2(BearerTokens.token(Roles.PROGRAMME_STAFF, null)).when().get("/revocations").then().statusCode(200);
        given().auth().oauth2(scanner).queryParam("since", -1).when().get("/revocations").then().statusCode(400);
        given().auth().oauth2(scanner).queryParam("since", "yesterday").when().get("/revocations").then().statusCode(404);
    }
}
