package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassTokenSigner;
import lu.kulturpass.token.SigningKeyPair;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the box-office tests share: pass-service's signing key published on Kafka (once per test JVM),
 * passes signed with it, venues with their agreement on the partner topic, performances scheduled by
 * the venue manager, and a scan as the page sends it.
 */
public final class Door {

    public static final int KEY_ID = 41;
    static final SigningKeyPair KEY = SigningKeyPair.generate();
    static final PassTokenSigner SIGNER = new PassTokenSigner(KEY_ID, KEY.privateKey());
    private static final AtomicLong PASS_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static boolean keyPublished;
    private static final java.util.Map<String, String> VENUES = new java.util.concurrent.ConcurrentHashMap<>();

    private Door() {
    }

    /** pass-service publishes its key on Kafka; the venue learns it from there, as in production. */
    static synchronized void passServicePublishedItsKey() {
        if (keyPublished) {
            return;
        }
        KafkaTopics.onTestBroker().publish("kulturpass.signing-keys", String.valueOf(KEY_ID), "lu.kulturpass.signing-key.activated",
                "{\"keyId\":" + KEY_ID + ",\"algorithm\":\"Ed25519\",\"publicKey\":\"" + Base64.getEncoder().encodeToString(KEY.publicKey())
                        + "\",\"status\":\"ACTIVE\",\"activatedAt\":\"" + OffsetDateTime.now() + "\"}");
        String museum = museum();
        String probe = BearerTokens.token(Roles.BOX_OFFICE, museum);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> scan(probe, validToken(), null).getBoolean("admitted"));
        keyPublished = true;
    }

    /** The key published, and a venue of this kind ("theatre" or "museum") for this test class, made once. */
    public static String venueFor(Object test, String kind) {
        passServicePublishedItsKey();
        return VENUES.computeIfAbsent(test.getClass().getName() + "/" + kind, key -> "museum".equals(kind) ? museum() : theatre());
    }

    /** A theatre (1.50 EUR a ticket, adults and groups, places set event by event) whose agreement venue-service has learned. */
    static String theatre() {
        String venue = UUID.randomUUID().toString();
        PartnerCopies.publishTheatre(venue, "ADULT\",\"COLLECTIVE", "REDUCED_PRICE", "1.50");
        return known(venue);
    }

    /** A theatre as {@link #theatre()} whose agreement offers at most this many Kulturpass places per event. */
    static String theatreOffering(int placesPerEvent) {
        String venue = UUID.randomUUID().toString();
        PartnerCopies.publishTheatre(UUID.randomUUID().toString(), venue, "ADULT", "REDUCED_PRICE", "1.50", placesPerEvent, "ACTIVE");
        return known(venue);
    }

    /**
     * A theatre with a performance today scheduled under its agreement, which programme staff then suspended:
     * venue-service has learned that too, and the theatre has no agreement in force.
     */
    static Scheduled theatreWhoseAgreementWasSuspended() {
        String venue = UUID.randomUUID().toString();
        String partner = UUID.randomUUID().toString();
        PartnerCopies.publishTheatre(partner, venue, "ADULT", "REDUCED_PRICE", "1.50", null, "ACTIVE");
        String performance = performance(known(venue), 5);
        PartnerCopies.publishTheatre(partner, venue, "ADULT", "REDUCED_PRICE", "1.50", null, "SUSPENDED");
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, venue);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(boxOffice).when().get("/venues/mine").then().statusCode(200).extract()
                        .path("agreement") == null);
        return new Scheduled(venue, performance);
    }

    /** A venue and a performance scheduled there. */
    record Scheduled(String venue, String performance) {
    }

    /** A venue id the partner topic never named: a token naming it is a statement nobody backs. */
    public static String unknownVenue() {
        return "unregistered-" + UUID.randomUUID();
    }

    /** A museum (free entry, once a day, no performances) whose agreement venue-service has learned. */
    static String museum() {
        String venue = UUID.randomUUID().toString();
        PartnerCopies.publishTheatre(venue, "ADULT\",\"CHILD\",\"COLLECTIVE", "FREE_ENTRY", null);
        return known(venue);
    }

    /** The venue, once venue-service has learned its agreement in force today. */
    static String known(String venue) {
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, venue);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(boxOffice).when().get("/venues/mine").then().extract().path("agreement.id") != null);
        return venue;
    }

    /** The venue manager schedules a performance today with this many Kulturpass places. */
    public static String performance(String venue, int places) {
        return performance(venue, places, laterToday());
    }

    /** The venue manager schedules a performance starting then. */
    public static String performance(String venue, int places, OffsetDateTime startsAt) {
        return given().auth().oauth2(BearerTokens.token(Roles.VENUE_MANAGER, venue)).contentType(ContentType.JSON)
                .body("{\"title\":\"Le Misanthrope\",\"startsAt\":\"" + startsAt + "\",\"placesOffered\":" + places + "}")
                .when().post("/performances").then().statusCode(201).extract().path("performanceId");
    }

    /** Where venue-service counts days (a card's validity, once a day, a performance's day). */
    private static ZoneId programmeZone() {
        return ZoneId.of(ConfigProvider.getConfig().getValue("kulturpass.time-zone", String.class));
    }

    /** Today where venue-service counts days, not the machine's UTC date (a day behind from midnight in Luxembourg). */
    static LocalDate today() {
        return LocalDate.now(programmeZone());
    }

    /** In an hour, or at 23:59 if that is sooner: still today where venue-service counts days. */
    static OffsetDateTime laterToday() {
        ZoneId programme = programmeZone();
        ZonedDateTime inAnHour = ZonedDateTime.now(programme).plusHours(1);
        ZonedDateTime lastMinute = LocalDate.now(programme).atTime(23, 59).atZone(programme);
        return (inAnHour.isBefore(lastMinute) ? inAnHour : lastMinute).toOffsetDateTime();
    }

    public static long nextPassId() {
        return PASS_IDS.incrementAndGet();
    }

    static String token(LocalDate from, LocalDate until) {
        return SIGNER.sign(new PassClaims(nextPassId(), from, until, PassCategory.ADULT, 1, "MS", 1984));
    }

    static String token(PassCategory category, int groupSize) {
        return token(nextPassId(), category, groupSize);
    }

    static String token(long passId, PassCategory category, int groupSize) {
        boolean group = category == PassCategory.COLLECTIVE;
        return SIGNER.sign(new PassClaims(passId, LocalDate.now().minusDays(1), LocalDate.now().plusYears(1),
                category, groupSize, group ? "--" : "LS", group ? 0 : 2014));
    }

    public static String validToken() {
        return token(LocalDate.now().minusDays(30), LocalDate.now().plusYears(2));
    }

    /** A QR scan for a performance (null: none), with a fresh nonce, in English. */
    static JsonPath scan(String bearer, String token, String performanceId) {
        return scan(bearer, token, UUID.randomUUID().toString(), performanceId);
    }

    static JsonPath scan(String bearer, String token, String nonce, String performanceId) {
        return post(bearer, "{\"token\":\"" + token + "\",\"nonce\":\"" + nonce + "\",\"device\":\"door-1\""
                + (performanceId == null ? "" : ",\"performanceId\":\"" + performanceId + "\"") + "}");
    }

    /** A pass number typed by hand. */
    static JsonPath typed(String bearer, String code, String performanceId) {
        return post(bearer, "{\"code\":\"" + code + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"device\":\"desk\""
                + (performanceId == null ? "" : ",\"performanceId\":\"" + performanceId + "\"") + "}");
    }

    private static JsonPath post(String bearer, String body) {
        return given().auth().oauth2(bearer).contentType(ContentType.JSON).header("Accept-Language", "en").body(body)
                .when().post("/admissions").then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }
}
