package lu.kulturpass.venue.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import lu.kulturpass.events.AdmissionTopic;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.outbox.OutboxEvent;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassTokenSigner;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.token.SigningKeyPair;
import lu.kulturpass.venue.Door;
import lu.kulturpass.venue.key.VerificationKeys;
import lu.kulturpass.venue.performance.Performance;
import org.hibernate.Session;
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

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    private String theatre;

    @BeforeEach
    void aTheatre() {
        theatre = Door.venueFor(this, "theatre");
    }

    private AdmissionDesk.Pending pending(String token, String nonce, String performance) {
        return pendingAt(theatre, token, nonce, performance);
    }

    /** A scan by the box office of this venue (whatever the token says, as the token says it). */
    private AdmissionDesk.Pending pendingAt(String venue, String token, String nonce, String performance) {
        String door = "door-" + nonce.hashCode() % 4;
        Scan scan = Scan.live(venue, new ScanRequest(token, null, nonce, door, UUID.fromString(performance)),
                new lu.kulturpass.venue.device.ScanningDevice.Recorder(door, null, "user-box-office"));
        return new AdmissionDesk.Pending(scan, Card.ofToken(new PassTokenVerifier(keys::publicKey), token));
    }

    private AdmissionDesk.Pending pending(String token, String performance) {
        return pending(token, UUID.randomUUID().toString(), performance);
    }

    private static int placesUsed(String performance) {
        return QuarkusTransaction.requiringNew().call(() -> Performance.<Performance>findById(UUID.fromString(performance)).placesUsed);
    }

    /** Each scan's reason, ALONE for a scan left to be recorded alone, or the status of its problem. */
    private static Map<String, Long> reasons(List<Settled> settled) {
        return settled.stream().map(ScansRecordedTogetherTest::reason)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String reason(Settled settled) {
        if (settled instanceof Settled.Answered answered) {
            return answered.decided().admission().reason.name();
        }
        if (settled instanceof Settled.Refused refused) {
            return String.valueOf(refused.problem().toProblem().status());
        }
        return "ALONE";
    }

    private static Admission admission(Settled settled) {
        return ((Settled.Answered) settled).decided().admission();
    }

    private static Admission found(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Admissions.where("id = ?", id).stream().findFirst().orElse(null));
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

        List<Settled> decided = desk.record(batch);

        assertEquals(Map.of("VALID", 5L, "FORGED", 1L), reasons(decided));
        assertEquals(5, placesUsed(performance));
        // one transaction: every admission of the batch was recorded at the same instant
        List<Admission> recorded = decided.stream().map(d -> found(admission(d).id)).toList();
        assertEquals(1, recorded.stream().map(a -> a.recordedAt).distinct().count());
        assertEquals(6, recorded.stream().filter(a -> a != null).count());
        assertEquals(5, recorded.stream().filter(Admission::admitted).mapToInt(a -> a.places).sum());
    }

    @Test
    void aScanThatIsNotTheCallersIsRefusedInItsBatchRecordingNothingAndSoIsItAlone() {
        String performance = Door.performance(theatre, 10);
        String theirShow = Door.performance(Door.venueFor(this, "another theatre"), 10);
        AdmissionDesk.Pending forTheirShow = pending(Door.validToken(), theirShow);
        AdmissionDesk.Pending fromAnUnknownVenue = pendingAt(Door.unknownVenue(), Door.validToken(), UUID.randomUUID().toString(), performance);

        List<Settled> decided = desk.record(List.of(forTheirShow, pending(Door.validToken(), performance),
                fromAnUnknownVenue));

        assertEquals(List.of("403", "VALID", "403"), decided.stream().map(ScansRecordedTogetherTest::reason).toList());
        assertEquals("Performance " + theirShow + " is at another venue: you can only scan for, or change, your own venue's performances",
                ((Settled.Refused) decided.get(0)).problem().getMessage());
        ProblemException theirs = assertThrows(ProblemException.class, () -> desk.scan(forTheirShow.scan()));
        assertEquals(403, theirs.toProblem().status());
        assertEquals("Performance " + theirShow + " is at another venue: you can only scan for, or change, your own venue's performances",
                theirs.getMessage());
        ProblemException unknown = assertThrows(ProblemException.class, () -> desk.scan(fromAnUnknownVenue.scan()));
        assertEquals(403, unknown.toProblem().status());
        assertEquals(0, placesUsed(theirShow));
        assertEquals(1, placesUsed(performance));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Admissions.where("nonce = ? or nonce = ?",
                forTheirShow.scan().nonce(), fromAnUnknownVenue.scan().nonce()).size()));
    }

    @Test
    void aPassScannedTwiceInOneBatchIsAdmittedOnceAndTheSecondScanAloneIsRefusedAsAlreadyAdmitted() {
        String performance = Door.performance(theatre, 10);
        String token = Door.validToken();
        AdmissionDesk.Pending second = pending(token, performance);

        List<Settled> decided = desk.record(List.of(pending(token, performance), second));

        assertEquals(List.of("VALID", "ALONE"), decided.stream().map(ScansRecordedTogetherTest::reason).toList());
        assertEquals(Reason.ALREADY_ADMITTED, desk.scan(second.scan()).admission().reason);
        assertEquals(1, placesUsed(performance));
    }

    @Test
    void aNonceRepeatedInOneBatchIsRecordedAloneAndANonceAlreadyAnsweredGetsTheFirstAnswerInItsBatch() {
        String performance = Door.performance(theatre, 10);
        String nonce = UUID.randomUUID().toString();
        AdmissionDesk.Pending retried = pending(Door.validToken(), nonce, performance);

        List<Settled> decided = desk.record(List.of(retried, retried));
        assertEquals(List.of("VALID", "ALONE"), decided.stream().map(ScansRecordedTogetherTest::reason).toList());
        assertEquals(admission(decided.get(0)).id, desk.scan(retried.scan()).admission().id);

        List<Settled> later = desk.record(List.of(retried, pending(Door.validToken(), performance)));
        assertEquals(admission(decided.get(0)).id, admission(later.get(0)).id, "the first answer");
        assertEquals("VALID", reason(later.get(1)));
        assertEquals(2, placesUsed(performance));
    }

    @Test
    void whenABatchAsksMorePlacesThanAreLeftItsScansOfThatPerformanceAreRecordedAloneAndNoMoreThanTheOfferIsAdmitted() {
        String almostFull = Door.performance(theatre, 2);
        String roomy = Door.performance(theatre, 10);
        List<AdmissionDesk.Pending> batch = List.of(pending(Door.validToken(), almostFull), pending(Door.validToken(), almostFull),
                pending(Door.validToken(), almostFull), pending(Door.validToken(), roomy));

        List<Settled> decided = desk.record(batch);

        assertEquals(Map.of("ALONE", 3L, "VALID", 1L), reasons(decided));
        assertEquals(0, placesUsed(almostFull));
        assertEquals(1, placesUsed(roomy));
        List<Settled> alone = batch.subList(0, 3).stream().<Settled>map(p -> new Settled.Answered(desk.scan(p.scan()))).toList();
        assertEquals(Map.of("VALID", 2L, "SOLD_OUT", 1L), reasons(alone));
        assertEquals(2, placesUsed(almostFull));
    }

    @Test
    void aBatchThatFailsRecordsNothingAndLeavesEveryScanToBeRecordedAlone() {
        String performance = Door.performance(theatre, 10);
        AdmissionDesk.Pending fine = pending(Door.validToken(), performance);
        // a nonce longer than the column holds: PostgreSQL refuses the batch's insert, so the whole transaction rolls back
        AdmissionDesk.Pending tooLong = pending(Door.validToken(), "n".repeat(150), performance);

        List<Settled> decided = desk.record(List.of(fine, tooLong));

        assertEquals(Map.of("ALONE", 2L), reasons(decided));
        assertEquals(0, placesUsed(performance));
        assertEquals(Reason.VALID, desk.scan(fine.scan()).admission().reason);
        assertEquals(1, placesUsed(performance));
    }

    @Test
    void theRecordingStatementWritesPlacesAdmissionsAndEventsTogetherOrNothingWhenThePlacesReadAreGone() {
        theRecordingStatementWritesAllOrNothing(this::write);
    }

    @Test
    void theRecordingStatementOnItsOwnTransactionAsABatchRunsItWritesAllOrNothingToo() {
        // the scans recorded together: the statement commits on its own (autocommit), with no transaction to roll back after it
        theRecordingStatementWritesAllOrNothing(this::writeOnItsOwn);
    }

    @Test
    void theRelayIsToldAtOnceWhenABatchsStatementHasCommitted() {
        String performance = Door.performance(theatre, 10);
        long before = relayTold.get();

        List<Settled> decided = desk.record(List.of(pending(Door.validToken(), performance)));

        assertEquals("VALID", reason(decided.get(0)));
        // no transaction: CDI tells the relay's after-commit observer while the batch is being answered, not at the next poll
        assertTrue(relayTold.get() > before, "the relay was not told");
    }

    private static final AtomicLong relayTold = new AtomicLong();

    /** Observes what the relay observes, in the same phase. */
    @ApplicationScoped
    static class RelayTold {
        void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                         Outbox.Recorded recorded) {
            if (AdmissionTopic.TOPIC.equals(recorded.topic())) {
                relayTold.incrementAndGet();
            }
        }
    }

    /** Runs the recording statement of one admission taking places of a performance. */
    private interface Write {
        void write(Admission admission, Outbox.Rows events) throws SQLException;
    }

    private void theRecordingStatementWritesAllOrNothing(Write write) {
        String performance = Door.performance(theatre, 2);
        UUID performanceId = UUID.fromString(performance);
        Admission taking3 = admitted(performanceId, 3);
        Outbox.Rows itsEvent = event(taking3);

        // read with the facts: 3 places were free; at the write only 2 are
        assertThrows(Recording.RaceLost.class, () -> write.write(taking3, itsEvent));

        assertEquals(0, placesUsed(performance));
        assertNull(found(taking3.id));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventId", itsEvent.eventIds()[0])));

        Admission taking2 = admitted(performanceId, 2);
        Outbox.Rows event = event(taking2);
        try {
            write.write(taking2, event);
        } catch (SQLException failure) {
            throw new AssertionError(failure);
        }

        assertEquals(2, placesUsed(performance));
        assertEquals(2, found(taking2.id).places);
        String eventId = event.eventIds()[0].toString();
        var relayed = KafkaTopics.onTestBroker().readUntil(AdmissionTopic.TOPIC,
                record -> KafkaTopics.header(record, "ce_id").map(eventId::equals).orElse(false), Duration.ofSeconds(20));
        assertEquals(String.valueOf(taking2.passId), relayed.get(relayed.size() - 1).key());
    }

    private void write(Admission admission, Outbox.Rows events) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.unwrap(Session.class)
                .doWork(connection -> Recording.write(connection, List.of(admission), events)));
    }

    private void writeOnItsOwn(Admission admission, Outbox.Rows events) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Recording.write(connection, List.of(admission), events);
        }
        outbox.committed(events);
    }

    private Admission admitted(UUID performance, int places) {
        Admission admission = new Admission();
        admission.id = UUID.randomUUID();
        admission.venueId = theatre;
        admission.nonce = UUID.randomUUID().toString();
        admission.typedCode = true;
        admission.passId = Door.nextPassId();
        admission.outcome = Outcome.ADMITTED;
        admission.reason = Reason.VALID;
        admission.scannedBy = "user-box-office";
        admission.scannedAt = OffsetDateTime.now(ZoneOffset.UTC);
        admission.recordedAt = admission.scannedAt;
        admission.scanDay = LocalDate.now();
        admission.performanceId = performance;
        admission.places = places;
        admission.groupSize = places;
        return admission;
    }

    private Outbox.Rows event(Admission admission) {
        return outbox.rows(List.of(new Outbox.Pending(AdmissionTopic.TOPIC, String.valueOf(admission.passId),
                "lu.kulturpass.admission.recorded", 1, Map.of("admissionId", admission.id.toString()))));
    }
}
