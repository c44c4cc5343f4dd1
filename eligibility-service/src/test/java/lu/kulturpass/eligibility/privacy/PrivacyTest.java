package lu.kulturpass.eligibility.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import lu.kulturpass.eligibility.AgencyWorker;
import lu.kulturpass.eligibility.enrolment.Enrolment;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.PassServiceProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PrivacyTest {

    @Inject
    Retention retention;

    @Test
    void everyViewOfAPersonIsLoggedWithWhoAndWhen() throws Exception {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        AgencyWorker colleague = new AgencyWorker(staff.agencyId);
        String id = staff.enrolOne("Alma", AgencyWorker.surname("Berisha"), "1987-07-07").getString("members[0].id");
        colleague.get("/beneficiaries/" + id).statusCode(200);
        JsonPath views = staff.get("/privacy/beneficiaries/" + id + "/views").statusCode(200).extract().jsonPath();
        assertEquals(1, views.getList("$").size());
        assertEquals("VIEWED", views.getString("[0].action"));
        assertEquals(new io.smallrye.jwt.auth.principal.DefaultJWTParser().parseOnly(colleague.token).getSubject(),
                views.getString("[0].viewer"));
        AgencyWorker.ofNewAgency().get("/privacy/beneficiaries/" + id + "/views").statusCode(403);
    }

    @Test
    void aPersonsDataIsHandedOverWithDecisionsPassAndViews() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String enrolment = staff.enrolOne("Yara", AgencyWorker.surname("Haddad"), "1992-02-29").getString("id");
        JsonPath approved = staff.approve(enrolment);
        String id = approved.getString("members[0].id");
        staff.get("/privacy/beneficiaries/" + id + "/personal-data").statusCode(200)
                .body("firstName", equalTo("Yara"))
                .body("birthDate", equalTo("1992-02-29"))
                .body("passNumber", equalTo(approved.getString("members[0].passNumber")))
                .body("enrolment.decisions[0].criterion", equalTo("AVC_ENERGY_BONUS"))
                .body("enrolment.decisions[0].evidence.number", equalTo("AVC-2026-0042"))
                .body("otherServices", containsString(id));
        staff.get("/privacy/beneficiaries/" + id + "/views").body("action", contains("PERSONAL_DATA_EXPORTED"));
    }

    @Test
    void erasureRevokesThePassDeletesTheNameAndLeavesTheStatisticsAsTheyWere() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String lastName = AgencyWorker.surname("Kowalski");
        JsonPath approved = staff.approve(staff.enrol(AgencyWorker.household("SINGLE_PARENT",
                AgencyWorker.member("Ewa", lastName, "1983-03-03"), AgencyWorker.member("Jan", lastName, "2013-03-03"))).getString("id"));
        String ewa = approved.getString("members[0].id");
        long pass = approved.getLong("members[0].passId");
        String programme = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
        String statistics = PassServiceProcess.running().url() + "/statistics/partners/" + staff.agencyId;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(programme).when().get(statistics)
                .then().extract().<Integer>path("peopleApproved") == 2);

        staff.post("/privacy/beneficiaries/" + ewa + "/erasure", "").statusCode(200).body("action", equalTo("ERASED"));
        staff.post("/privacy/beneficiaries/" + ewa + "/erasure", "").statusCode(409);
        staff.get(PassServiceProcess.running().url() + "/passes/" + pass).body("status", equalTo("REVOKED"));
        // pass-service learns the erasure from enrolment.erased and deletes the token (initials, birth year) it kept
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(staff.token).when()
                .get(PassServiceProcess.running().url() + "/passes/" + pass + "/qr.png").then().extract().statusCode() == 410);
        staff.get(PassServiceProcess.running().url() + "/passes/" + pass).body("token", nullValue());
        staff.get("/beneficiaries").body("id", not(hasItem(ewa))).body("$", hasSize(1));
        staff.get("/privacy/beneficiaries/" + ewa + "/personal-data").body("firstName", nullValue()).body("birthDate", nullValue());
        String csv = given().auth().oauth2(staff.token).when().get("/exports/beneficiaries.csv").then().extract().asString();
        assertFalse(csv.contains("Ewa"), csv);

        var records = KafkaTopics.onTestBroker().readUntil("kulturpass.enrolments",
                r -> ewa.equals(r.key()) && KafkaTopics.header(r, "ce_type").orElse("").endsWith("erased"), Duration.ofSeconds(20));
        String erased = records.get(records.size() - 1).value();
        assertFalse(erased.contains("Ewa") || erased.contains(lastName), erased);
        // the statistics have seen the erasure event and still count both people
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        given().auth().oauth2(programme).when().get(statistics).then()
                .body("peopleEnrolled", equalTo(2)).body("peopleApproved", equalTo(2));
        // a person erased is free to be enrolled again (nothing finds them)
        assertEquals("SUBMITTED", staff.enrolOne("Ewa", lastName, "1983-03-03").getString("status"));
    }

    @Test
    void retentionAnonymisesEnrolmentsThatEndedLongAgoAndOnlyThose() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String old = staff.enrolOne("Old", AgencyWorker.surname("Case"), "1950-01-01").getString("id");
        String recent = staff.enrolOne("Recent", AgencyWorker.surname("Case"), "1951-01-01").getString("id");
        String rejected = "{\"outcome\":\"REJECTED\",\"reasonCodes\":[\"CRITERION_NOT_MET\"]}";
        staff.decide(old, rejected).statusCode(200);
        staff.decide(recent, rejected).statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            Enrolment enrolment = Enrolment.findById(UUID.fromString(old));
            enrolment.endedAt = OffsetDateTime.now(ZoneOffset.UTC).minusYears(3).minusDays(1);
        });
        retention.apply(OffsetDateTime.now(ZoneOffset.UTC));
        staff.get("/enrolments/" + old).statusCode(200).body("members[0].firstName", nullValue()).body("members[0].birthDate", nullValue());
        staff.get("/enrolments/" + recent).statusCode(200).body("members[0].firstName", equalTo("Recent"));
    }
}
