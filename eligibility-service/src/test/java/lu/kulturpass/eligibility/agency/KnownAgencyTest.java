package lu.kulturpass.eligibility.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import lu.kulturpass.eligibility.Agencies;
import lu.kulturpass.eligibility.AgencyWorker;
import org.junit.jupiter.api.Test;

/** The token's partner is a statement: only an agency the partner topic told this service about may use its endpoints. */
@QuarkusTest
class KnownAgencyTest {

    private static final String NOT_AN_AGENCY = "Your account's organisation is not an agency the programme knows";

    private static void refused(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json").body("detail", startsWith(NOT_AN_AGENCY));
    }

    @Test
    void anAgencyTheProgrammeDoesNotKnowReadsNothingAndIsRefused() {
        AgencyWorker stranger = new AgencyWorker(UUID.randomUUID().toString());
        String enrolment = "/enrolments/" + UUID.randomUUID();
        String person = "/beneficiaries/" + UUID.randomUUID();
        String privacy = "/privacy" + person;

        refused(stranger.get("/agencies/mine"));
        refused(stranger.get("/enrolments"));
        refused(stranger.get("/enrolments/due-for-renewal"));
        refused(stranger.get(enrolment));
        refused(stranger.get("/beneficiaries"));
        refused(stranger.get("/beneficiaries?q=silva"));
        refused(stranger.get(person));
        refused(stranger.get("/exports/beneficiaries.csv?lang=en"));
        refused(stranger.get(privacy + "/views"));
        refused(stranger.get(privacy + "/personal-data"));
        refused(stranger.get("/criteria"));
        refused(stranger.post(enrolment + "/cards.pdf", "{}"));
        refused(stranger.post(person + "/card.pdf", "{}"));
        refused(stranger.post("/cards/sheet.pdf", "{\"language\":\"en\",\"enrolmentIds\":[\"" + UUID.randomUUID() + "\"]}"));
        refused(stranger.post(privacy + "/erasure", ""));

        refused(stranger.post("/enrolments", AgencyWorker.household("SINGLE_ADULT",
                AgencyWorker.member("Ana", AgencyWorker.surname("Silva"), "1990-01-01"))));
        refused(stranger.post(enrolment + "/submission", ""));
        refused(stranger.decide(enrolment.substring("/enrolments/".length()), AgencyWorker.approval()));
        refused(stranger.post(enrolment + "/renewal", AgencyWorker.approval().replace("\"outcome\":\"APPROVED\",", "")));
        refused(stranger.post(person + "/lost-card", "{\"reason\":\"LOST\"}"));
        refused(given().auth().oauth2(stranger.token).contentType("text/csv").body("last name;first name;birth date\nSilva;Ana;1990-01-01\n")
                .when().post("/imports").then());
    }

    @Test
    void aVenuesAccountCannotUseTheAgencyPages() {
        // a theatre the programme registered, with an agreement in force: this service read its partner event
        var theatre = Agencies.culturalWithAgreementInForce();
        for (String partnerId : theatre) {
            AgencyWorker venue = new AgencyWorker(partnerId);
            refused(venue.get("/agencies/mine"));
            refused(venue.get("/enrolments"));
            refused(venue.get("/beneficiaries"));
            refused(venue.get("/exports/beneficiaries.csv"));
            refused(venue.post("/enrolments", AgencyWorker.household("SINGLE_ADULT",
                    AgencyWorker.member("Ana", AgencyWorker.surname("Silva"), "1990-01-01"))));
        }
    }
}
