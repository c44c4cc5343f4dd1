package lu.kulturpass.eligibility;

import static lu.kulturpass.testing.AccessMatrix.Role.AGENCY_STAFF;
import static lu.kulturpass.testing.AccessMatrix.Role.BOX_OFFICE;
import static lu.kulturpass.testing.AccessMatrix.Role.PROGRAMME_STAFF;
import static lu.kulturpass.testing.AccessMatrix.Role.VENUE_MANAGER;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;
import lu.kulturpass.testing.AccessMatrix;
import lu.kulturpass.testing.PassServiceProcess;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of eligibility-service's OpenAPI document, called by every caller it must refuse (AccessMatrix): no,
 * malformed, foreign-signed or expired tokens; roles it does not serve; agency staff without an agency, of an unknown
 * agency, and of another agency naming the first one's enrolments and beneficiaries. Each is refused, and nothing is
 * written, neither here nor in pass-service (which approving, lost cards and erasure would change). This service does
 * not hide that another agency's enrolment or beneficiary exists ("... is with another agency"): 403, the table's default.
 */
@QuarkusTest
class AccessMatrixTest {

    private static AgencyWorker agencyA;
    private static String agencyB;
    private static String venue;
    private static String approvedA;
    private static String submittedA;
    private static String draftA;
    private static String beneficiaryA;

    /** Two agencies with agreements in force and a theatre; agency A's household approved (its pass issued), one submitted, one a draft. */
    @BeforeAll
    static void twoAgenciesAndTheFirstOnesHouseholds() {
        AccessMatrix.callTheServiceUnderTest();
        agencyA = AgencyWorker.ofNewAgency();
        agencyB = Agencies.withAgreementInForce();
        venue = Agencies.culturalWithAgreementInForce().get(1);
        JsonPath approved = agencyA.enrolOne("Ana", AgencyWorker.surname("Silva"), "1990-01-01");
        approvedA = approved.getString("id");
        beneficiaryA = approved.getString("members[0].id");
        agencyA.approve(approvedA);
        submittedA = agencyA.enrolOne("Jean", AgencyWorker.surname("Weber"), "1985-05-05").getString("id");
        draftA = agencyA.post("/enrolments", "{\"draft\":true,\"householdSituation\":\"SINGLE_ADULT\",\"members\":["
                + AgencyWorker.member("Lea", AgencyWorker.surname("Muller"), "1995-09-09") + "]}").statusCode(201).extract().path("id");
    }

    @TestFactory
    Stream<DynamicNode> everyOperationRefusesCallersItDoesNotServeAndWritesNothing() {
        String evidence = "{\"kind\":\"FNS decision\",\"issuer\":\"Fonds national de solidarité\",\"number\":\"AVC-2026-0042\",\"date\":\""
                + LocalDate.now().minusMonths(1) + "\"}";
        byte[] list = ("Ménage;Nom;Prénom;Date de naissance;Situation du ménage;Commune\r\n"
                + "F1;" + AgencyWorker.surname("Matrix") + ";Claire;1984-07-14;SINGLE_ADULT;Esch-sur-Alzette\r\n").getBytes(StandardCharsets.UTF_8);
        return AccessMatrix.forService("eligibility-service")
                .database("kulturpass_eligibility", ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class))
                .database("kulturpass_pass", PassServiceProcess.running().config().get("quarkus.datasource.jdbc.url"))
                .partners(AGENCY_STAFF, agencyA.agencyId, agencyB)
                .partners(BOX_OFFICE, venue, null)
                .partners(VENUE_MANAGER, venue, null)
                .publicOperation("GET /signin", "sends a person without a session to the provider's sign-in")
                .publicOperation("GET /words.js", "the pages' words in every language, read before anyone signs in")

                .anySignedIn("GET /me")
                // dead letters: programme staff replay a channel's once the cause is fixed
                .operation("POST /dead-letters/{channel}/replay", PROGRAMME_STAFF).path("channel", "partners")
                .operation("GET /agencies/mine", AGENCY_STAFF)

                // criteria: agencies read them, programme staff change them
                .operation("GET /criteria", AGENCY_STAFF, PROGRAMME_STAFF)
                .operation("POST /criteria", PROGRAMME_STAFF)
                .json("{\"code\":\"MATRIX_CRITERION\",\"nameFr\":\"Critère\",\"nameDe\":\"Kriterium\",\"nameEn\":\"Criterion\",\"nameLb\":\"Critère\","
                        + "\"evidence\":\"Attestation\",\"proofValidMonths\":12}")
                .operation("POST /criteria/{code}/retirement", PROGRAMME_STAFF).path("code", "AVC_ENERGY_BONUS")

                // enrolments: agency staff, their own agency's only
                .operation("POST /enrolments", AGENCY_STAFF)
                .json(AgencyWorker.household("SINGLE_ADULT", AgencyWorker.member("Paul", AgencyWorker.surname("Matrix"), "1970-01-01")))
                .operation("GET /enrolments", AGENCY_STAFF)
                .operation("GET /enrolments/due-for-renewal", AGENCY_STAFF)
                .operation("GET /enrolments/{id}", AGENCY_STAFF).path("id", approvedA)
                .operation("POST /enrolments/{id}/submission", AGENCY_STAFF).path("id", draftA)
                .operation("POST /enrolments/{id}/decision", AGENCY_STAFF).path("id", submittedA).json(AgencyWorker.approval())
                .operation("POST /enrolments/{id}/renewal", AGENCY_STAFF).path("id", approvedA)
                .json("{\"criterion\":\"AVC_ENERGY_BONUS\",\"evidence\":" + evidence + "}")
                .operation("POST /enrolments/{id}/cards.pdf", AGENCY_STAFF).path("id", approvedA).json("{\"language\":\"fr\"}")
                .operation("POST /cards/sheet.pdf", AGENCY_STAFF)
                .json("{\"language\":\"fr\",\"enrolmentIds\":[\"" + approvedA + "\"]}").namesFirstPartnersResource(true)

                // beneficiaries and their rights
                .operation("GET /beneficiaries", AGENCY_STAFF)
                .operation("GET /beneficiaries/{id}", AGENCY_STAFF).path("id", beneficiaryA)
                .operation("POST /beneficiaries/{id}/lost-card", AGENCY_STAFF).path("id", beneficiaryA).json("{\"reason\":\"LOST\"}")
                .operation("POST /beneficiaries/{id}/card.pdf", AGENCY_STAFF).path("id", beneficiaryA).json("{\"language\":\"fr\"}")
                .operation("GET /privacy/beneficiaries/{id}/views", AGENCY_STAFF).path("id", beneficiaryA)
                .operation("GET /privacy/beneficiaries/{id}/personal-data", AGENCY_STAFF).path("id", beneficiaryA)
                .operation("POST /privacy/beneficiaries/{id}/erasure", AGENCY_STAFF).path("id", beneficiaryA)

                // lists in and out
                .operation("POST /imports", AGENCY_STAFF).query("approve", false).body("text/csv", list)
                .operation("GET /exports/beneficiaries.csv", AGENCY_STAFF)

                // staff accounts (platform): programme staff, and an agency's lead worker for their agency (a role the matrix
                // does not make: agency staff without it are refused; AccountsIT tests the lead against a real Keycloak). These
                // tests run no Keycloak, so a caller who gets through is answered 503. This service knows no venues: a venue
                // manager is refused here (their accounts are managed on the venue and audit pages)
                .operation("GET /accounts", PROGRAMME_STAFF)
                .operation("POST /accounts", PROGRAMME_STAFF)
                .json("{\"username\":\"matrix.worker\",\"firstName\":\"Nina\",\"lastName\":\"Neu\",\"email\":\"nina@example.lu\","
                        + "\"role\":\"agency-staff\",\"partnerId\":\"" + agencyA.agencyId + "\"}")
                .operation("POST /accounts/{id}/disable", PROGRAMME_STAFF).path("id", java.util.UUID.randomUUID())
                .operation("POST /accounts/{id}/enable", PROGRAMME_STAFF).path("id", java.util.UUID.randomUUID())
                .tests();
    }
}
