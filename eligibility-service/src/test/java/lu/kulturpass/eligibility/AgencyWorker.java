package lu.kulturpass.eligibility;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;

/** An agency worker calling this service's API, as the agency page does. */
public final class AgencyWorker {

    public final String agencyId;
    public final String token;

    public AgencyWorker(String agencyId) {
        this.agencyId = agencyId;
        this.token = BearerTokens.token(Roles.AGENCY_STAFF, agencyId);
    }

    /** A worker of a new agency whose agreement is in force, registered in pass-service as programme staff do. */
    public static AgencyWorker ofNewAgency() {
        return new AgencyWorker(Agencies.withAgreementInForce());
    }

    /** A family name no other test uses, so one test's people are never "enrolled elsewhere" in another's. */
    public static String surname(String name) {
        StringBuilder suffix = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            suffix.append((char) ('a' + random.nextInt(26)));
        }
        return name + " " + suffix;
    }

    public static String member(String firstName, String lastName, String birthDate) {
        return "{\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName + "\",\"birthDate\":\"" + birthDate + "\"}";
    }

    public static String household(String situation, String... members) {
        return "{\"householdSituation\":\"" + situation + "\",\"municipality\":\"Esch-sur-Alzette\",\"members\":["
                + String.join(",", members) + "]}";
    }

    public static String approval(String criterion, LocalDate evidenceDate) {
        return "{\"outcome\":\"APPROVED\",\"criterion\":\"" + criterion + "\",\"evidence\":{\"kind\":\"FNS decision\","
                + "\"issuer\":\"Fonds national de solidarité\",\"number\":\"AVC-2026-0042\",\"date\":\"" + evidenceDate + "\"}}";
    }

    public static String approval() {
        return approval("AVC_ENERGY_BONUS", LocalDate.now().minusMonths(1));
    }

    public ValidatableResponse post(String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    public ValidatableResponse get(String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    /** Enrols (submitted) and returns the enrolment. */
    public JsonPath enrol(String household) {
        return post("/enrolments", household).statusCode(201).extract().jsonPath();
    }

    public JsonPath enrolOne(String firstName, String lastName, String birthDate) {
        return enrol(household("SINGLE_ADULT", member(firstName, lastName, birthDate)));
    }

    public ValidatableResponse decide(String enrolmentId, String decision) {
        return post("/enrolments/" + enrolmentId + "/decision", decision);
    }

    public JsonPath approve(String enrolmentId) {
        return decide(enrolmentId, approval()).statusCode(200).extract().jsonPath();
    }
}
