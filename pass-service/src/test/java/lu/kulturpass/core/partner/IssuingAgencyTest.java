package lu.kulturpass.core.partner;

import static io.restassured.RestAssured.given;
import static lu.kulturpass.core.partner.Refusals.NOT_AN_AGENCY;
import static lu.kulturpass.core.partner.Refusals.NO_AGREEMENT;
import static lu.kulturpass.core.partner.Refusals.UNKNOWN;
import static lu.kulturpass.core.partner.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import org.junit.jupiter.api.Test;

/** Only a social partner the programme knows, with an agreement in force today, issues passes; whatever its token says. */
@QuarkusTest
class IssuingAgencyTest {

    private static final String HOLDER = "{\"holderRef\":\"holder-1\",\"category\":\"ADULT\",\"initials\":\"MS\",\"birthYear\":1984}";
    private static final String HOUSEHOLD = "{\"householdRef\":\"household-1\",\"members\":[" + HOLDER + "]}";

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void anAgencyTheProgrammeDoesNotKnowCannotIssue() {
        String venueId = RegisteredPartners.theatre().getString("venues[0].id");
        for (String partnerId : new String[] {UUID.randomUUID().toString(), "agency-" + UUID.randomUUID(), venueId}) {
            everyWayToIssueIsRefused(partnerId, UNKNOWN);
        }
    }

    @Test
    void aCulturalPartnerCannotIssuePasses() {
        String theatreId = RegisteredPartners.theatre().getString("id");
        String agreement = given().auth().oauth2(BearerTokens.token(Roles.PROGRAMME_STAFF, null)).contentType(ContentType.JSON)
                .body("{\"benefit\":\"FREE_ENTRY\",\"acceptedCategories\":[\"ADULT\"],\"validFrom\":\"" + today
                        + "\",\"validUntil\":\"" + today.plusYears(1) + "\",\"signedOn\":\"" + today + "\"}")
                .when().post("/partners/" + theatreId + "/agreements").then().statusCode(201).extract().path("id");
        RegisteredPartners.move(agreement, "ACTIVATE").statusCode(200);
        everyWayToIssueIsRefused(theatreId, NOT_AN_AGENCY);
    }

    @Test
    void anAgencyWithoutAnAgreementInForceCannotIssue() {
        everyWayToIssueIsRefused(RegisteredPartners.agency(), NO_AGREEMENT);

        String drafted = RegisteredPartners.agency();
        RegisteredPartners.agreement(drafted, today, today.plusYears(1));
        everyWayToIssueIsRefused(drafted, NO_AGREEMENT);

        String suspended = RegisteredPartners.agency();
        String agreement = RegisteredPartners.agreement(suspended, today, today.plusYears(1));
        RegisteredPartners.move(agreement, "ACTIVATE").statusCode(200);
        RegisteredPartners.move(agreement, "SUSPEND").statusCode(200);
        everyWayToIssueIsRefused(suspended, NO_AGREEMENT);

        String terminated = RegisteredPartners.agencyWithAgreementInForce();
        RegisteredPartners.move(RegisteredPartners.agreementOf(terminated), "TERMINATE").statusCode(200);
        everyWayToIssueIsRefused(terminated, NO_AGREEMENT);

        String notYetStarted = RegisteredPartners.agency();
        RegisteredPartners.move(RegisteredPartners.agreement(notYetStarted, today.plusDays(1), today.plusYears(1)), "ACTIVATE")
                .statusCode(200);
        everyWayToIssueIsRefused(notYetStarted, NO_AGREEMENT);
    }

    @Test
    void anAgencyWhoseAgreementEndedCannotIssueBeforeNorAfterItIsMarkedExpired() {
        String ended = RegisteredPartners.agencyWithAgreementInForce();
        UUID agreement = UUID.fromString(RegisteredPartners.agreementOf(ended));
        QuarkusTransaction.requiringNew().run(() -> Agreement.update("validFrom = ?1, validUntil = ?2 where id = ?3",
                today.minusYears(1), today.minusDays(1), agreement));
        everyWayToIssueIsRefused(ended, NO_AGREEMENT);
        Arc.container().instance(Agreements.class).get().expireDue(today);
        assertEquals(AgreementStatus.EXPIRED, QuarkusTransaction.requiringNew().call(() -> Agreement.<Agreement>findById(agreement).status));
        everyWayToIssueIsRefused(ended, NO_AGREEMENT);
    }

    @Test
    void aRetryIsRefusedOnceTheAgencysAgreementIsSuspended() {
        String agencyId = RegisteredPartners.agencyWithAgreementInForce();
        String staff = BearerTokens.token(Roles.AGENCY_STAFF, agencyId);
        String key = UUID.randomUUID().toString();
        long issued = issue(staff, key).statusCode(201).extract().jsonPath().getLong("id");
        issueHousehold(staff, key + "-household").statusCode(200);

        RegisteredPartners.move(RegisteredPartners.agreementOf(agencyId), "SUSPEND").statusCode(200);
        refused(issue(staff, key), NO_AGREEMENT);
        refused(issueHousehold(staff, key + "-household"), NO_AGREEMENT);
        assertEquals(2L, passesOf(agencyId), "a refused retry wrote a pass");
        assertEquals(issued, QuarkusTransaction.requiringNew().call(() -> Pass.<Pass>find("agencyId = ?1 and idempotencyKey = ?2",
                agencyId, key).singleResult().id));
    }

    /** Asks to issue in each of the three ways (one pass, a household, a batch of households): each refused, nothing written. */
    private static void everyWayToIssueIsRefused(String partnerId, String why) {
        String staff = BearerTokens.token(Roles.AGENCY_STAFF, partnerId);
        String key = UUID.randomUUID().toString();
        refused(issue(staff, key), why);
        refused(issueHousehold(staff, key), why);
        refused(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{\"households\":[{\"idempotencyKey\":\"" + key + "\",\"household\":" + HOUSEHOLD + "}]}")
                .when().post("/passes/households/batch").then(), why);
        assertNothingWrittenFor(partnerId);
    }

    private static ValidatableResponse issue(String staff, String key) {
        return given().auth().oauth2(staff).header("Idempotency-Key", key).contentType(ContentType.JSON).body(HOLDER)
                .when().post("/passes").then();
    }

    private static ValidatableResponse issueHousehold(String staff, String key) {
        return given().auth().oauth2(staff).header("Idempotency-Key", key).contentType(ContentType.JSON).body(HOUSEHOLD)
                .when().post("/passes/households").then();
    }

    /**
     * No pass for the partner id and no pass event naming it in the outbox: a pass and its {@code pass.issued}
     * event are written in one transaction. Events about the partner itself (registered, agreement activated) may
     * still wait for the relay, so only pass events count.
     */
    static void assertNothingWrittenFor(String partnerId) {
        assertEquals(0L, passesOf(partnerId), "passes issued for " + partnerId);
        long events = QuarkusTransaction.requiringNew().call(() -> ((Number) Pass.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where event_type like 'lu.kulturpass.pass.%' and data like ?1")
                .setParameter(1, "%" + partnerId + "%").getSingleResult()).longValue());
        assertEquals(0L, events, "pass events naming " + partnerId);
    }

    private static long passesOf(String agencyId) {
        return QuarkusTransaction.requiringNew().call(() -> Pass.count("agencyId", agencyId));
    }
}
