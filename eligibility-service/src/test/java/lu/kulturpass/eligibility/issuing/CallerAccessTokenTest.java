package lu.kulturpass.eligibility.issuing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lu.kulturpass.eligibility.Agencies;
import lu.kulturpass.eligibility.AgencyWorker;
import lu.kulturpass.testing.PassServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * Every call to pass-service acts as the agency worker who asked, with their own access token: pass-service
 * records that person (their token's subject) as the one who issued, replaced, renewed or revoked each pass —
 * the passes of an imported list too, approved on the import's own threads. Two workers of one agency take
 * turns, so a token of the wrong person would show. A call with no signed-in caller sends nothing.
 */
@QuarkusTest
class CallerAccessTokenTest {

    @Inject
    PassIssuing passIssuing;

    @Test
    void passServiceRecordsTheWorkerWhoAskedAsTheOneWhoActed() {
        String agencyId = Agencies.withAgreementInForce();
        AgencyWorker anna = new AgencyWorker(agencyId);
        AgencyWorker ben = new AgencyWorker(agencyId);
        String today = LocalDate.now().toString();

        // Anna imports and approves a household: its passes are issued from the import's approval threads
        String weber = AgencyWorker.surname("Weber");
        String file = "Ménage;Nom;Prénom;Date de naissance;Critère;Justificatif;Émis par;Numéro;Date du justificatif\n"
                + "W1;" + weber + ";Clara;1980-05-05;AVC_ENERGY_BONUS;Décision FNS;FNS;A-1;" + today + "\n"
                + "W1;" + weber + ";Emil;2012-06-06;;;;;\n";
        JsonPath report = given().auth().oauth2(anna.token).contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8))
                .when().post("/imports?approve=true").then().statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("approved"), report.prettify());
        String imported = report.getString("enrolments[0]");
        JsonPath household = anna.get("/enrolments/" + imported).statusCode(200).extract().jsonPath();
        List<Long> importedPasses = household.getList("members.passId", Long.class);
        assertEquals(List.of(subject(anna), subject(anna)), issuedBy(importedPasses));

        // Ben approves one person: issued by Ben
        JsonPath approved = ben.approve(ben.enrolOne("Jonas", AgencyWorker.surname("Thill"), "1977-07-07").getString("id"));
        long jonasPass = approved.getLong("members[0].passId");
        assertEquals(List.of(subject(ben)), issuedBy(List.of(jonasPass)));

        // Anna reports Jonas's card lost: she replaced the pass and the new one is hers
        long replacement = anna.post("/beneficiaries/" + approved.getString("members[0].id") + "/lost-card", "{\"reason\":\"LOST\"}")
                .statusCode(200).extract().jsonPath().getLong("passId");
        assertEquals(List.of("REPLACE " + subject(anna)), history(anna, jonasPass));
        assertEquals(List.of(subject(anna)), issuedBy(List.of(replacement)));

        // Ben renews the imported household: each pass renewed by Ben
        ben.post("/enrolments/" + imported + "/renewal", "{\"criterion\":\"AVC_ENERGY_BONUS\",\"evidence\":{\"kind\":\"FNS decision\","
                + "\"issuer\":\"FNS\",\"number\":\"R-1\",\"date\":\"" + today + "\"}}").statusCode(200);
        for (long pass : importedPasses) {
            assertEquals(List.of("RENEW " + subject(ben)), history(ben, pass));
        }

        // Anna erases Clara: she revoked the pass
        anna.post("/privacy/beneficiaries/" + household.getString("members[0].id") + "/erasure", "").statusCode(200);
        assertEquals(List.of("RENEW " + subject(ben), "REVOKE " + subject(anna)), history(anna, importedPasses.get(0)));
    }

    @Test
    void aCallWithNoSignedInCallerFailsAndSendsNothing() throws Exception {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        long pass = staff.approve(staff.enrolOne("Nora", AgencyWorker.surname("Wagner"), "1990-09-09").getString("id"))
                .getLong("members[0].passId");

        // the test method's own request context: an anonymous identity, no access token
        CallerAccessToken.NoCaller anonymous = assertThrows(CallerAccessToken.NoCaller.class,
                () -> passIssuing.move(pass, "RENEW", "RENEWAL"));
        assertTrue(anonymous.getMessage().contains("the request is anonymous"), anonymous.getMessage());

        // a thread with no request context, as a scheduled job or a pool the context was not carried to
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        try {
            CompletionException failed = assertThrows(CompletionException.class,
                    () -> CompletableFuture.runAsync(() -> passIssuing.move(pass, "RENEW", "RENEWAL"), elsewhere).join());
            assertTrue(failed.getCause() instanceof CallerAccessToken.NoCaller, String.valueOf(failed.getCause()));
            assertTrue(failed.getCause().getMessage().contains("nothing was sent"), failed.getCause().getMessage());
        } finally {
            elsewhere.shutdown();
        }
        assertEquals(List.of(), history(staff, pass));
    }

    /** The subject of the worker's token: who pass-service records. */
    private static String subject(AgencyWorker worker) {
        String payload = new String(Base64.getUrlDecoder().decode(worker.token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString("sub");
    }

    /** The pass's transitions in pass-service, each as "TRANSITION actor". */
    private static List<String> history(AgencyWorker worker, long passId) {
        JsonPath steps = worker.get(PassServiceProcess.running().url() + "/passes/" + passId + "/transitions").statusCode(200)
                .extract().jsonPath();
        List<String> transitions = steps.getList("transition", String.class);
        List<String> actors = steps.getList("actor", String.class);
        List<String> history = new ArrayList<>();
        for (int i = 0; i < transitions.size(); i++) {
            history.add(transitions.get(i) + " " + actors.get(i));
        }
        return history;
    }

    /** Who pass-service recorded as having issued each pass (its pass table: the API does not show it). */
    private static List<String> issuedBy(List<Long> passIds) {
        Map<String, String> config = PassServiceProcess.running().config();
        try (Connection db = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
             PreparedStatement query = db.prepareStatement("select issued_by from pass where id = ?")) {
            List<String> issuedBy = new ArrayList<>();
            for (long id : passIds) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    issuedBy.add(row.next() ? row.getString(1) : "no pass " + id);
                }
            }
            return issuedBy;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
