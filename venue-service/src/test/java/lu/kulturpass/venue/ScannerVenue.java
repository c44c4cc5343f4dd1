package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassNumber;
import lu.kulturpass.token.PassTokenSigner;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.token.Verification;
import lu.kulturpass.token.SigningKeyPair;
import org.awaitility.Awaitility;

/**
 * A theatre whose box office uses the scanner page: its agreement (1.50 EUR per person, adults and groups)
 * and a signing key arrive from Kafka as pass-service publishes them; cards are signed with that key.
 */
final class ScannerVenue {

    private static final AtomicLong PASS_IDS = new AtomicLong(2_000_000_000L + System.nanoTime() % 1_000_000_000L);

    final String venueId = UUID.randomUUID().toString();
    final String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, venueId);
    final int keyId;
    final SigningKeyPair key = SigningKeyPair.generate();
    private final PassTokenSigner signer;

    private ScannerVenue(int keyId) {
        this.keyId = keyId;
        this.signer = new PassTokenSigner(keyId, key.privateKey());
    }

    /** A theatre and key not yet published (cards can be signed before the service runs). */
    static ScannerVenue withKey(int keyId) {
        return new ScannerVenue(keyId);
    }

    /** Publishes the theatre and the key, and waits until venue-service admits a card (RestAssured's port must be set). */
    ScannerVenue ready() {
        ScannerVenue venue = this;
        PartnerCopies.publishTheatre(venue.venueId, "ADULT\",\"COLLECTIVE", "REDUCED_PRICE", "1.50");
        KafkaTopics.onTestBroker().publish("kulturpass.signing-keys", String.valueOf(keyId), "lu.kulturpass.signing-key.activated",
                "{\"keyId\":" + keyId + ",\"algorithm\":\"Ed25519\",\"publicKey\":\"" + Base64.getEncoder().encodeToString(venue.key.publicKey())
                        + "\",\"status\":\"ACTIVE\",\"activatedAt\":\"" + OffsetDateTime.now() + "\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().auth().oauth2(venue.boxOffice).contentType(ContentType.JSON)
                        .body("{\"token\":\"" + venue.card() + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"device\":\"probe\"}")
                        .when().post("/admissions").then().extract().jsonPath().getBoolean("admitted"));
        return venue;
    }

    /** An adult's card, MS born 1984, valid from a month ago for two years. */
    String card() {
        return card(LocalDate.now().minusMonths(1), LocalDate.now().plusYears(2), PassCategory.ADULT, 1);
    }

    String card(LocalDate from, LocalDate until, PassCategory category, int groupSize) {
        boolean group = category == PassCategory.COLLECTIVE;
        return signer.sign(new PassClaims(PASS_IDS.incrementAndGet(), from, until, category, groupSize,
                group ? "--" : "MS", group ? 0 : 1984));
    }

    /** The printed pass number of a card signed here. */
    String passNumber(String card) {
        Verification verification = new PassTokenVerifier(id -> id == keyId ? key.publicKey() : null).verify(card);
        return PassNumber.format(((Verification.Verified) verification).claims().passId());
    }

    String expiredCard() {
        return card(LocalDate.now().minusYears(2), LocalDate.now().minusDays(1), PassCategory.ADULT, 1);
    }
}
