package lu.kulturpass.eligibility.words;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import lu.kulturpass.eligibility.AgencyWorker;
import lu.kulturpass.platform.words.Catalogue;
import lu.kulturpass.testing.WordsCatalogue;
import org.junit.jupiter.api.Test;

/**
 * eligibility-service's catalogues of words: every word in French, German, English and Luxembourgish, served to the
 * agency page, and the API's refusals and criteria in the caller's language.
 */
@QuarkusTest
class WordsCatalogueTest {

    @Test
    void everyWordOfTheServiceIsWrittenInEveryLanguage() {
        WordsCatalogue.assertComplete(java.util.stream.Stream.concat(Catalogue.PLATFORM.stream(), EligibilityWordBundles.BUNDLES.stream())
                .toArray(Class<?>[]::new));
    }

    @Test
    void theAgencyPageIsServedItsWordsInLuxembourgishToo() throws Exception {
        String script = given().when().get("/words.js").then().statusCode(200).extract().asString();
        JsonNode words = new ObjectMapper().readTree(script.substring(script.indexOf('{'), script.lastIndexOf(';')));
        assertEquals("E Stot aschreiwen", words.path("lb").path("tabEnrol").asText());
        assertEquals("Accordéiert", words.path("lb").path("enrolmentStatus").path("APPROVED").asText());
        assertEquals("Eenelterendeel-Famill", words.path("lb").path("householdSituation").path("SINGLE_PARENT").asText());
        assertEquals("{0} Linne gelies: {1} an {2} Stéit importéiert, {3} accordéiert, {4} net importéiert.",
                words.path("lb").path("importReport").asText());
        for (String language : new String[] {"fr", "de", "en"}) {
            assertEquals(words.path("lb").size(), words.path(language).size(), language + " has as many words as lb");
        }
    }

    @Test
    void aProblemDetailComesInTheLanguageTheCallerAccepts() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String id = staff.enrolOne("Lou", AgencyWorker.surname("Faber"), "1977-07-07").getString("id");
        String approval = "{\"outcome\":\"APPROVED\"}";
        assertEquals("critère : choisissez le critère que la personne remplit (voir GET /criteria)", given().auth().oauth2(staff.token)
                .header("Accept-Language", "fr").contentType("application/json").body(approval)
                .when().post("/enrolments/" + id + "/decision").then().statusCode(400).extract().path("detail"));
        assertEquals("Critère: wielt de Critère, deen d'Persoun erfëllt (kuckt GET /criteria)", given().auth().oauth2(staff.token)
                .header("Accept-Language", "lb").contentType("application/json").body(approval)
                .when().post("/enrolments/" + id + "/decision").then().statusCode(400).extract().path("detail"));
        String tooOld = AgencyWorker.approval("DPI", LocalDate.now().minusYears(1));
        assertEquals("Datum vum Beleeg: e Beleeg vum " + LocalDate.now().minusYears(1) + " zielt net méi fir "
                        + "Persoun mat enger Ufro op internationale Schutz (DPI) (en zielt 6 Méint); frot no engem neien",
                given().auth().oauth2(staff.token).header("Accept-Language", "lb").contentType("application/json").body(tooOld)
                        .when().post("/enrolments/" + id + "/decision").then().statusCode(400).extract().path("detail"));
        staff.decide(id, "{\"outcome\":\"REJECTED\",\"reasonCodes\":[\"NOT_RESIDENT\"]}").statusCode(200);
        assertEquals("Eng Aschreiwung mam Status „Refuséiert“ ka net „Accordéiert“ ginn; vun hei aus méiglech: näischt",
                given().auth().oauth2(staff.token).header("Accept-Language", "lb").contentType("application/json")
                        .body(AgencyWorker.approval()).when().post("/enrolments/" + id + "/decision").then().statusCode(409)
                        .extract().path("detail"));
    }

    @Test
    void aCriterionIsNamedInTheCallersLanguage() {
        AgencyWorker staff = AgencyWorker.ofNewAgency();
        String lb = given().auth().oauth2(staff.token).header("Accept-Language", "lb").when().get("/criteria").then().statusCode(200)
                .extract().path("find { it.code == 'RPGH' }.name");
        assertEquals("Akommes fir Persoune mat schwéierer Behënnerung (RPGH)", lb);
        String fr = given().auth().oauth2(staff.token).header("Accept-Language", "fr").when().get("/criteria").then().statusCode(200)
                .extract().path("find { it.code == 'RPGH' }.name");
        assertEquals("Revenu pour personnes gravement handicapées (RPGH)", fr);
        String id = staff.enrolOne("Eli", AgencyWorker.surname("Faber"), "1976-06-06").getString("id");
        staff.approve(id);
        String named = given().auth().oauth2(staff.token).header("Accept-Language", "de").when().get("/enrolments/" + id).then()
                .statusCode(200).extract().path("decisions[0].criterionName");
        assertEquals("Teuerungszulage und/oder Energieprämie (FNS)", named);
    }
}
