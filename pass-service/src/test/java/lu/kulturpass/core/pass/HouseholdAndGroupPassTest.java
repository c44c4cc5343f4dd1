package lu.kulturpass.core.pass;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.token.PassClaims;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HouseholdAndGroupPassTest {

    private final Passes passes = new Passes();

    private io.restassured.response.ValidatableResponse household(String key, String body) {
        return given().auth().oauth2(passes.staff()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/passes/households").then();
    }

    private static PassClaims claims(String token) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.quarkus.arc.Arc.container().instance(lu.kulturpass.core.key.SigningKeys.class).get().claimsOf(token));
    }

    @Test
    void everyHouseholdMemberChildrenIncludedGetsTheirOwnPassOnce() {
        String key = UUID.randomUUID().toString();
        String body = "{\"householdRef\":\"hh-1\",\"members\":["
                + "{\"holderRef\":\"m-1\",\"category\":\"ADULT\",\"initials\":\"MS\",\"birthYear\":1984},"
                + "{\"holderRef\":\"m-2\",\"category\":\"ADULT\",\"initials\":\"JS\",\"birthYear\":1982},"
                + "{\"holderRef\":\"m-3\",\"category\":\"CHILD\",\"initials\":\"LS\",\"birthYear\":2014}]}";
        JsonPath first = household(key, body).statusCode(200).body("$", hasSize(3)).extract().jsonPath();
        assertEquals(List.of("ADULT", "ADULT", "CHILD"), first.getList("category"));
        assertEquals(List.of("hh-1", "hh-1", "hh-1"), first.getList("householdRef"));
        assertEquals(3, first.getList("id").stream().distinct().count());
        assertEquals("LS", claims(first.getString("[2].token")).initials());
        JsonPath retried = household(key, body).statusCode(200).extract().jsonPath();
        assertEquals(first.getList("id"), retried.getList("id"));
    }

    @Test
    void aBatchOfHouseholdsIsIssuedOnceEachUnderItsOwnKey() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String body = "{\"households\":["
                + "{\"idempotencyKey\":\"" + first + "\",\"household\":{\"householdRef\":\"hh-b1\",\"members\":["
                + "{\"holderRef\":\"b-1\",\"category\":\"ADULT\",\"initials\":\"AB\",\"birthYear\":1980},"
                + "{\"holderRef\":\"b-2\",\"category\":\"CHILD\",\"initials\":\"CB\",\"birthYear\":2015}]}},"
                + "{\"idempotencyKey\":\"" + second + "\",\"household\":{\"householdRef\":\"hh-b2\",\"members\":["
                + "{\"holderRef\":\"b-3\",\"category\":\"ADULT\",\"initials\":\"DE\",\"birthYear\":1970}]}}]}";
        JsonPath issued = given().auth().oauth2(passes.staff()).contentType(ContentType.JSON).body(body)
                .when().post("/passes/households/batch").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(first, second), issued.getList("idempotencyKey"));
        assertEquals(List.of("b-1", "b-2"), issued.getList("[0].passes.holderRef"));
        assertEquals("hh-b2", issued.getString("[1].passes[0].householdRef"));
        // the same household sent alone with its key, or the batch again: the same passes
        JsonPath retried = given().auth().oauth2(passes.staff()).contentType(ContentType.JSON).body(body)
                .when().post("/passes/households/batch").then().statusCode(200).extract().jsonPath();
        assertEquals(issued.getList("[1].passes.id"), retried.getList("[1].passes.id"));
        long alone = household(second, "{\"householdRef\":\"hh-b2\",\"members\":["
                + "{\"holderRef\":\"b-3\",\"category\":\"ADULT\",\"initials\":\"DE\",\"birthYear\":1970}]}")
                .statusCode(200).extract().jsonPath().getLong("[0].id");
        assertEquals(issued.getLong("[1].passes[0].id"), alone);
        given().auth().oauth2(passes.staff()).contentType(ContentType.JSON).body("{\"households\":[]}")
                .when().post("/passes/households/batch").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void householdsHaveNoCollectivePassesNorTwiceTheSameMember() {
        household(UUID.randomUUID().toString(), "{\"householdRef\":\"hh-2\",\"members\":["
                + "{\"holderRef\":\"g\",\"category\":\"COLLECTIVE\",\"groupSize\":10}]}")
                .statusCode(400).contentType("application/problem+json");
        household(UUID.randomUUID().toString(), "{\"householdRef\":\"hh-3\",\"members\":["
                + "{\"holderRef\":\"a\",\"category\":\"ADULT\",\"initials\":\"AB\",\"birthYear\":1980},"
                + "{\"holderRef\":\"a\",\"category\":\"CHILD\",\"initials\":\"AB\",\"birthYear\":2015}]}")
                .statusCode(400).body("detail", equalTo("members: holderRef a appears twice"));
        household(UUID.randomUUID().toString(), "{\"householdRef\":\"hh-4\",\"members\":[]}").statusCode(400);
    }

    @Test
    void partnerAssociationGetsACollectivePassForItsGroupSize() {
        JsonPath pass = given().auth().oauth2(passes.staff()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body("{\"holderRef\":\"association-7\",\"category\":\"COLLECTIVE\",\"groupSize\":12}")
                .when().post("/passes").then().statusCode(201).extract().jsonPath();
        assertEquals(12, pass.getInt("groupSize"));
        PassClaims claims = claims(pass.getString("token"));
        assertEquals(12, claims.groupSize());
        assertEquals("--", claims.initials());
        assertEquals(0, claims.birthYear());
    }

    @Test
    void groupSizeBelongsToCollectivePassesOnly() {
        String[] invalid = {
            "{\"holderRef\":\"x\",\"category\":\"COLLECTIVE\"}",
            "{\"holderRef\":\"x\",\"category\":\"COLLECTIVE\",\"groupSize\":1}",
            "{\"holderRef\":\"x\",\"category\":\"ADULT\",\"groupSize\":3,\"initials\":\"AB\",\"birthYear\":1980}",
            "{\"holderRef\":\"x\",\"category\":\"ADULT\",\"birthYear\":1980}",
        };
        for (String body : invalid) {
            given().auth().oauth2(passes.staff()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(ContentType.JSON).body(body).when().post("/passes")
                    .then().statusCode(400).contentType("application/problem+json").body("detail", containsString(":"));
        }
    }
}
