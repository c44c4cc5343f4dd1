package lu.kulturpass.venue.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassTokenSigner;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.token.SigningKeyPair;
import lu.kulturpass.venue.Door;
import lu.kulturpass.venue.key.VerificationKeys;
import lu.kulturpass.venue.performance.Performance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scans a busy box office sends at the same moment are recorded together, in one transaction, each
 * with the answer it would get alone; what a batch cannot settle on its own is left to be recorded
 * alone, and then gets the answer the rules give. The batch is handed to the desk directly here, so
 * what it holds does not depend on timing.
 */
@QuarkusTest
class ScansRecordedTogetherTest {

    @Inject
    AdmissionDesk desk;

    @Inject
    VerificationKeys keys;

    private String theatre;

    @BeforeEach
    void aTheatre() {
        theatre = Door.venueFor(this, "theatre");
    }

    private AdmissionDesk.Pending pending(String token, String nonce, String performance) {
        Scan scan = Scan.live(theatre, new ScanRequest(token, null, nonce, "door-" + nonce.hashCode() % 4, UUID.fromString(performance)),
                "user-box-office");
        return new AdmissionDesk.Pending(scan, Card.ofToken(new PassTokenVerifier(keys::publicKey), token));
    }

    private AdmissionDesk.Pending pending(String token, String performance) {
        return pending(token, UUID.randomUUID().toString(), performance);
    }

    private static int placesUsed(String performance) {
        return QuarkusTransaction.requiringNew().call(() -> Performance.<Performance>findById(UUID.fromString(performance)).placesUsed);
    }

    private static Map<String, Long> reasons(List<AdmissionDesk.Decided> decided) {
        return decided.stream().map(d -> d == null ? "ALONE" : d.admission().reason.name())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void scansArrivingTogetherAreRecordedInOneTransactionEachWithItsOwnAnswer() {
        String performance = Door.performance(theatre, 10);
        List<AdmissionDesk.Pending> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(pending(Door.validToken(), performance));
        }
        // signed under the venue's key id by another key: the signature does not match
        String forged = new PassTokenSigner(Door.KEY_ID, SigningKeyPair.generate().privateKey()).sign(new PassClaims(Door.nextPassId(),
                LocalDate.now().minusDays(1), LocalDate.now().plusYears(1), PassCategory.ADULT, 1, "MS", 1984));
        batch.add(pending(forged, performance));

        List<AdmissionDesk.Decided> decided = desk.recordTogether(batch);

        assertEquals(Map.of("VALID", 5L, "FORGED", 1L), reasons(decided));
        assertEquals(5, placesUsed(performance));
        // one transaction: every admission of the batch was recorded at the same instant
        List<Admission> recorded = QuarkusTransaction.requiringNew().call(() -> decided.stream()
                .map(d -> Admission.<Admission>findById(d.admission().id)).toList());
        assertEquals(1, recorded.stream().map(a -> a.recordedAt).distinct().count());
        assertEquals(6, recorded.stream().filter(a -> a != null).count());
        assertEquals(5, recorded.stream().filter(Admission::admitted).mapToInt(a -> a.places).sum());
    }

    @Test
    void aPassScannedTwiceInOneBatchIsAdmittedOnceAndTheSecondScanAloneIsRefusedAsAlreadyAdmitted() {
        String performance = Door.performance(theatre, 10);
        String token = Door.validToken();
        AdmissionDesk.Pending second = pending(token, performance);

        List<AdmissionDesk.Decided> decided = desk.recordTogether(List.of(pending(token, performance), second));

        assertEquals("VALID", decided.get(0).admission().reason.name());
        assertNull(decided.get(1));
        assertEquals(Reason.ALREADY_ADMITTED, desk.scan(second.scan()).admission().reason);
        assertEquals(1, placesUsed(performance));
    }

    @Test
    void aNonceRepeatedInOneBatchOrAlreadyAnsweredGetsTheFirstAnswerWhenRecordedAlone() {
        String performance = Door.performance(theatre, 10);
        String nonce = UUID.randomUUID().toString();
        AdmissionDesk.Pending retried = pending(Door.validToken(), nonce, performance);

        List<AdmissionDesk.Decided> decided = desk.recordTogether(List.of(retried, retried));
        assertNotNull(decided.get(0));
        assertNull(decided.get(1));
        assertEquals(decided.get(0).admission().id, desk.scan(retried.scan()).admission().id);

        List<AdmissionDesk.Decided> later = desk.recordTogether(List.of(retried, pending(Door.validToken(), performance)));
        assertNull(later.get(0));
        assertEquals("VALID", later.get(1).admission().reason.name());
        assertEquals(2, placesUsed(performance));
    }

    @Test
    void whenABatchAsksMorePlacesThanAreLeftItsScansOfThatPerformanceAreRecordedAloneAndNoMoreThanTheOfferIsAdmitted() {
        String almostFull = Door.performance(theatre, 2);
        String roomy = Door.performance(theatre, 10);
        List<AdmissionDesk.Pending> batch = List.of(pending(Door.validToken(), almostFull), pending(Door.validToken(), almostFull),
                pending(Door.validToken(), almostFull), pending(Door.validToken(), roomy));

        List<AdmissionDesk.Decided> decided = desk.recordTogether(batch);

        assertEquals(Map.of("ALONE", 3L, "VALID", 1L), reasons(decided));
        assertEquals(0, placesUsed(almostFull));
        assertEquals(1, placesUsed(roomy));
        List<AdmissionDesk.Decided> alone = batch.subList(0, 3).stream().map(p -> desk.scan(p.scan())).toList();
        assertEquals(Map.of("VALID", 2L, "SOLD_OUT", 1L), reasons(alone));
        assertEquals(2, placesUsed(almostFull));
    }

    @Test
    void aBatchThatFailsRecordsNothingAndLeavesEveryScanToBeRecordedAlone() {
        String performance = Door.performance(theatre, 10);
        AdmissionDesk.Pending fine = pending(Door.validToken(), performance);
        // a nonce longer than the column holds: PostgreSQL refuses the batch's insert, so the whole transaction rolls back
        AdmissionDesk.Pending tooLong = pending(Door.validToken(), "n".repeat(150), performance);

        List<AdmissionDesk.Decided> decided = desk.recordTogether(List.of(fine, tooLong));

        assertEquals(Map.of("ALONE", 2L), reasons(decided));
        assertEquals(0, placesUsed(performance));
        assertEquals(Reason.VALID, desk.scan(fine.scan()).admission().reason);
        assertEquals(1, placesUsed(performance));
    }
}
