package lu.kulturpass.core.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.events.PartnerTopic;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.TestKafka;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgreementTest {

    private final String programmeStaff = BearerTokens.token(Roles.PROGRAMME_STAFF, null);
    private final LocalDate today = LocalDate.now();

    private JsonPath partner(String kind, String venues) {
        return given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body("{\"kind\":\"" + kind + "\",\"name\":\"Partner " + UUID.randomUUID() + "\"" + venues + "}")
                .when().post("/partners").then().statusCode(201).extract().jsonPath();
    }

    private String theatreTerms(LocalDate from, LocalDate until, String signedOn) {
        return "{\"benefit\":\"REDUCED_PRICE\",\"price\":1.50,\"placesPerEvent\":10,\"acceptedCategories\":[\"ADULT\",\"CHILD\"],"
                + "\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until + "\"" + (signedOn == null ? "" : ",\"signedOn\":\"" + signedOn + "\"")
                + ",\"contactName\":\"Claire Muller\",\"contactEmail\":\"claire@theatre.example\"}";
    }

    private ValidatableResponse draft(String partnerId, String terms) {
        return given().auth().oauth2(programmeStaff).contentType(ContentType.JSON).body(terms)
                .when().post("/partners/" + partnerId + "/agreements").then();
    }

    private ValidatableResponse move(String agreementId, String transition) {
        return given().auth().oauth2(programmeStaff).contentType(ContentType.JSON).body("{\"transition\":\"" + transition + "\"}")
                .when().post("/agreements/" + agreementId + "/transitions").then();
    }

    @Test
    void anAgreementGoesFromDraftToActiveToSuspendedAndBackAndEveryStepIsInTheHistory() {
        String partnerId = partner("CULTURAL", ",\"venues\":[{\"name\":\"Salle\"}]").getString("id");
        String id = draft(partnerId, theatreTerms(today, today.plusYears(1), today.toString())).statusCode(201)
                .body("status", equalTo("DRAFT")).body("price", equalTo(1.50f)).body("currency", equalTo("EUR"))
                .extract().path("id");
        move(id, "ACTIVATE").statusCode(200).body("status", equalTo("ACTIVE"))
                .body("allowedTransitions", equalTo(List.of("SUSPEND", "TERMINATE")));
        move(id, "SUSPEND").statusCode(200).body("status", equalTo("SUSPENDED"));
        move(id, "RESUME").statusCode(200).body("status", equalTo("ACTIVE"));
        move(id, "TERMINATE").statusCode(200).body("status", equalTo("TERMINATED"));
        move(id, "RESUME").statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("An agreement that is Terminated cannot take the step “Resume”; allowed now: nothing"));

        JsonPath history = given().auth().oauth2(programmeStaff).when().get("/partners/" + partnerId + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("partner.registered", "agreement.drafted", "agreement.active", "agreement.suspended",
                "agreement.active", "agreement.terminated"), history.getList("action"));
        assertEquals("ACTIVE", history.getString("[3].before.status"));
        assertEquals("SUSPENDED", history.getString("[3].after.status"));
        assertFalse(history.getString("[3].actor").isBlank());
    }

    @Test
    void activationNeedsASignatureAndNoOtherAgreementInForceAtTheSameTime() {
        String partnerId = partner("CULTURAL", ",\"venues\":[{\"name\":\"Salle\"}]").getString("id");
        String unsigned = draft(partnerId, theatreTerms(today, today.plusYears(1), null)).statusCode(201).extract().path("id");
        move(unsigned, "ACTIVATE").statusCode(409).body("detail", equalTo("An agreement is activated once signed: set its signedOn date first"));
        String signed = draft(partnerId, theatreTerms(today, today.plusYears(1), today.toString())).extract().path("id");
        move(signed, "ACTIVATE").statusCode(200);
        given().auth().oauth2(programmeStaff).contentType(ContentType.JSON)
                .body(theatreTerms(today.plusMonths(6), today.plusYears(2), today.toString()))
                .when().put("/agreements/" + unsigned).then().statusCode(200);
        move(unsigned, "ACTIVATE").statusCode(409).body("detail", org.hamcrest.Matchers.containsString("one agreement in force at a time"));
        given().auth().oauth2(programmeStaff).contentType(ContentType.JSON).body(theatreTerms(today, today.plusYears(3), today.toString()))
                .when().put("/agreements/" + signed).then().statusCode(409)
                .body("detail", equalTo("The terms of an agreement that is Active cannot change: renew it, or terminate it and draft a new one"));
    }

    @Test
    void renewalDraftsTheSameTermsFromTheDayAfterAndExpiryHappensByDate() {
        String partnerId = partner("CULTURAL", ",\"venues\":[{\"name\":\"Salle\"}]").getString("id");
        String id = draft(partnerId, theatreTerms(today.minusYears(1), today.plusDays(30), today.minusYears(1).toString())).extract().path("id");
        move(id, "ACTIVATE").statusCode(200);
        given().auth().oauth2(programmeStaff).contentType(ContentType.JSON).body("{\"validUntil\":\"" + today.plusYears(2) + "\"}")
                .when().post("/agreements/" + id + "/renewal").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("validFrom", equalTo(today.plusDays(31).toString()))
                .body("renewedFrom", equalTo(id)).body("price", equalTo(1.50f)).body("placesPerEvent", equalTo(10));

        QuarkusTransaction.requiringNew().run(() -> Agreement.update("validUntil = ?1 where id = ?2", today.minusDays(1), UUID.fromString(id)));
        io.quarkus.arc.Arc.container().instance(Agreements.class).get().expireDue(today);
        given().auth().oauth2(programmeStaff).when().get("/agreements/" + id).then().body("status", equalTo("EXPIRED"));
        move(id, "EXPIRE").statusCode(400);
    }

    @Test
    void twoReplicasExpiringAtOnceRecordEachExpiryOnceAndBothFinishTheirRun() throws Exception {
        java.util.List<UUID> ending = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String partnerId = partner("CULTURAL", ",\"venues\":[{\"name\":\"Salle\"}]").getString("id");
            String id = draft(partnerId, theatreTerms(today.minusYears(1), today.plusDays(30), today.minusYears(1).toString())).extract().path("id");
            move(id, "ACTIVATE").statusCode(200);
            ending.add(UUID.fromString(id));
        }
        QuarkusTransaction.requiringNew().run(() -> Agreement.update("validUntil = ?1 where id in ?2", today.minusDays(1), ending));

        // each replica's hourly run, at the same moment
        Agreements agreements = io.quarkus.arc.Arc.container().instance(Agreements.class).get();
        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(2);
        java.util.List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
        for (int replica = 0; replica < 2; replica++) {
            runs.add(replicas.submit(() -> {
                together.countDown();
                together.await();
                return agreements.expireDue(today);
            }));
        }
        for (var run : runs) {
            run.get(60, java.util.concurrent.TimeUnit.SECONDS); // a run that stopped on an agreement the other expired throws here
        }
        replicas.shutdown();

        assertEquals(ending.size(), QuarkusTransaction.requiringNew().call(() ->
                Agreement.count("id in ?1 and status = ?2", ending, AgreementStatus.EXPIRED)));
        assertEquals(ending.size(), QuarkusTransaction.requiringNew().call(() ->
                PartnerChange.count("agreementId in ?1 and action = ?2", ending, "agreement.expired")), "an agreement expired twice");
    }

    @Test
    void termsMustFitThePartner() {
        String agencyId = partner("SOCIAL", "").getString("id");
        draft(agencyId, "{\"validFrom\":\"" + today + "\",\"validUntil\":\"" + today.plusYears(1) + "\",\"signedOn\":\"" + today + "\"}")
                .statusCode(201);
        draft(agencyId, theatreTerms(today, today.plusYears(1), null)).statusCode(400)
                .body("detail", equalTo("benefit, price and placesPerEvent belong to agreements with cultural partners"));
        String theatreId = partner("CULTURAL", ",\"venues\":[{\"name\":\"Salle\"}]").getString("id");
        draft(theatreId, theatreTerms(today, today.plusYears(1), null).replace("\"price\":1.50,", "")).statusCode(400)
                .body("detail", equalTo("An agreement at a reduced price states what the holder pays, e.g. 1.50."));
        draft(theatreId, theatreTerms(today, today.minusDays(1), null)).statusCode(400)
                .body("detail", equalTo("The agreement's last day cannot be before its first day."));
        draft(theatreId, theatreTerms(today, today.plusYears(1), null).replace("claire@theatre.example", "not an email"))
                .statusCode(400).body("detail", equalTo("The contact e-mail is not an e-mail address."));
        draft(UUID.randomUUID().toString(), theatreTerms(today, today.plusYears(1), null)).statusCode(404);
    }

    @Test
    void partnersReadOnlyTheirOwnAgreementsAndOnlyProgrammeStaffChangeThem() {
        JsonPath theatre = partner("CULTURAL", ",\"venues\":[{\"name\":\"Salle\"}]");
        String theatreId = theatre.getString("id");
        draft(theatreId, theatreTerms(today, today.plusYears(1), null)).statusCode(201);
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, theatre.getString("venues[0].id"));
        given().auth().oauth2(boxOffice).when().get("/partners/" + theatreId + "/agreements").then().statusCode(200).body("$", hasSize(1));
        String agencyId = partner("SOCIAL", "").getString("id");
        String agencyStaff = BearerTokens.token(Roles.AGENCY_STAFF, agencyId);
        given().auth().oauth2(agencyStaff).when().get("/partners/" + agencyId + "/agreements").then().statusCode(200);
        given().auth().oauth2(agencyStaff).when().get("/partners/" + theatreId + "/agreements").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(agencyStaff).contentType(ContentType.JSON).body(theatreTerms(today, today.plusYears(1), null))
                .when().post("/partners/" + theatreId + "/agreements").then().statusCode(403);
        given().auth().oauth2(boxOffice).when().get("/partners/" + theatreId + "/history").then().statusCode(403);
    }

    @Test
    void everyChangePublishesThePartnersLatestStateOnTheCompactedPartnerTopicWithoutContacts() throws Exception {
        JsonPath theatre = partner("CULTURAL", ",\"venues\":[{\"name\":\"Salle\"}]");
        String partnerId = theatre.getString("id");
        String agreementId = draft(partnerId, theatreTerms(today, today.plusYears(1), today.toString())).extract().path("id");
        move(agreementId, "ACTIVATE").statusCode(200);
        var records = KafkaTopics.onTestBroker().readUntil(PartnerTopic.TOPIC,
                r -> partnerId.equals(r.key()) && r.value().contains("\"ACTIVE\""), Duration.ofSeconds(20));
        JsonPath snapshot = new JsonPath(records.get(records.size() - 1).value());
        assertEquals("CULTURAL", snapshot.getString("kind"));
        assertEquals(theatre.getString("venues[0].id"), snapshot.getString("venues[0].id"));
        assertEquals("ACTIVE", snapshot.getString("agreements[0].status"));
        assertEquals(10, snapshot.getInt("agreements[0].placesPerEvent"));
        assertFalse(records.get(records.size() - 1).value().contains("Claire"), "a contact person left pass-service");
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", TestKafka.get().bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, PartnerTopic.TOPIC);
            assertEquals("compact", admin.describeConfigs(List.of(topic)).all().get().get(topic).get("cleanup.policy").value());
        }
    }
}
