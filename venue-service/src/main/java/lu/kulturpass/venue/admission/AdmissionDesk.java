package lu.kulturpass.venue.admission;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;
import lu.kulturpass.platform.outbox.EventTrace;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.fault.Retries;
import lu.kulturpass.platform.persistence.UniqueViolation;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.token.PassNumber;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.token.SignatureLibrary;
import lu.kulturpass.venue.key.VerificationKeys;
import lu.kulturpass.venue.pass.PassStanding;
import lu.kulturpass.venue.performance.Places;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Decides scans locally, without calling another service. The scans of a batch ({@link AdmissionQueue}: the
 * scans arriving together at a busy box office are recorded together) are decided and written in two round
 * trips to PostgreSQL: one query reads what the rules need for every scan ({@link ScanFacts}: the answer already
 * given to the nonce, the pass's standing, the agreement, the performance and its places left, "already
 * admitted"), the rules decide ({@link AdmissionRules}), and one statement ({@link Recording}) takes each
 * performance's places with a conditional update, inserts the admission rows and puts their events in the
 * outbox, and commits on its own (autocommit, outside JTA): everything it writes or nothing. The facts' query
 * takes no lock, so the two need no common transaction: what it read can only have changed in ways the
 * statement finds (the nonce's and the "once" rule's unique indexes, the places' condition). The signature is
 * checked before, on the request's thread (CPU only).
 * <p>
 * A scan the batch cannot settle on its own is recorded alone afterwards, in a JTA transaction, by the same code
 * with a batch of one: a scan that is not the caller's to make (a venue the partner topic never named, another
 * venue's performance: refused alone with a 403, nothing recorded), a nonce already answered or repeated in the
 * batch, a pass scanned twice in the batch, a performance with fewer places left than the batch asks, and every
 * scan of a batch whose statement failed (a unique index hit by another door at the same moment, or places taken
 * between the read and the write). Alone,
 * two unique indexes back the "once" rule and the nonce when two doors race: the loser's transaction rolls back
 * (its places with it) and the scan is recorded again as the refusal, or the first answer is returned.
 */
@ApplicationScoped
public class AdmissionDesk {

    private static final Logger LOG = Logger.getLogger(AdmissionDesk.class);

    private final PassTokenVerifier verifier;
    private final AdmissionEvents events;
    private final Places places;
    private final ProgrammeCalendar calendar;
    private final EntityManager entityManager;
    private final AdmissionQueue queue;
    private final ManagedExecutor blocking;
    private final DataSource dataSource;

    public AdmissionDesk(VerificationKeys keys, AdmissionEvents events, Places places, EntityManager entityManager, DataSource dataSource,
                         ProgrammeCalendar calendar,
                         @ConfigProperty(name = "kulturpass.admission.recorders", defaultValue = "1") int recorders,
                         @ConfigProperty(name = "kulturpass.admission.batch-size", defaultValue = "64") int batchSize,
                         @ConfigProperty(name = "kulturpass.admission.batch-patience", defaultValue = "PT10S") Duration patience,
                         MeterRegistry registry, ManagedExecutor blocking) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.blocking = blocking;
        this.queue = new AdmissionQueue(recorders, batchSize, patience, this::recordTogether, registry);
        this.verifier = new PassTokenVerifier(keys::publicKey);
        this.events = events;
        this.places = places;
        this.calendar = calendar;
    }

    /** The recorded admission (or refusal) and what the card said, for the answer. */
    public record Decided(Admission admission, Card card) {
    }

    /**
     * A scan whose card was read, waiting to be recorded, with the trace of its request ({@link EventTrace}): its event
     * continues it, although a recorder's thread writes it.
     */
    record Pending(Scan scan, Card card, String traceParent) {

        Pending(Scan scan, Card card) {
            this(scan, card, EventTrace.current());
        }
    }

    /** Decides and records a scan, waiting for its answer (the photo upload, the offline sync). */
    public Decided scan(Scan scan) {
        Pending pending = read(scan);
        // offline scans (a sync) are settled one by one; live scans wait in the queue to be recorded together
        Decided decided = scan.offline() ? null : queue.record(pending).join();
        return decided != null ? decided : recordAloneRetried(pending);
    }

    /**
     * Decides and records a live scan without holding the caller's thread: the signature is checked on
     * it (CPU only), then the scan waits in the queue with the scans arriving together and the answer
     * comes when its batch is recorded; a scan the batch cannot settle is recorded alone on a worker thread.
     */
    public CompletionStage<Decided> scanWhenRecorded(Scan scan) {
        Pending pending = read(scan);
        if (scan.offline()) {
            return CompletableFuture.supplyAsync(() -> recordAloneRetried(pending), blocking);
        }
        return queue.record(pending).thenCompose(decided -> decided != null ? CompletableFuture.completedFuture(decided)
                : CompletableFuture.supplyAsync(() -> recordAloneRetried(pending), blocking));
    }

    /**
     * Records a scan alone, and again if the database was away for a moment (a restart): safe, since a scan is
     * idempotent by its nonce (an attempt that committed after all is found by the next, which answers the same).
     * Still away after a few seconds: the fault goes up and the door gets a 503 it retries with the same nonce.
     */
    private Decided recordAloneRetried(Pending pending) {
        return Retries.idempotent(() -> recordAlone(pending, false));
    }

    /** The card as the scan shows it: the QR code's signed token checked, or the typed pass number read. */
    private Pending read(Scan scan) {
        boolean hasToken = scan.token() != null && !scan.token().isBlank();
        boolean hasCode = scan.code() != null && !scan.code().isBlank();
        if (hasToken == hasCode) {
            throw ProblemException.badRequest("Send either the QR code's text (token) or the typed pass number (code), not both");
        }
        return new Pending(scan, hasToken ? Card.ofToken(verifier, scan.token()) : Card.ofCode(scan.code()));
    }

    /** Says at start which library checks the cards' signatures, and why (AWS-LC unless it cannot load here). */
    void announceSignatureLibrary(@Observes StartupEvent started) {
        LOG.infof("Pass signatures are checked with %s (%s)", SignatureLibrary.inUse(), SignatureLibrary.whyInUse());
    }

    @PreDestroy
    void closeQueue() {
        queue.stop();
    }

    /** The card an earlier answer was given for (a retried nonce, the recent list). */
    public Card cardOf(Admission admission) {
        if (admission.token != null) {
            return Card.ofToken(verifier, admission.token);
        }
        if (admission.passId == null) {
            return Card.refused(null, true, Reason.UNKNOWN_CODE);
        }
        return Card.ofCode(PassNumber.format(admission.passId)).withStanding(PassStanding.findById(admission.passId));
    }

    /**
     * Records the scans with one statement that commits on its own; the answer of each, in order, or null for a
     * scan that must be recorded alone (all of them when the statement failed: it then wrote nothing).
     */
    List<Decided> recordTogether(List<Pending> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true); // outside JTA: the recording statement is its own transaction
            Written written = decide(batch, false, true, connection);
            events.committed(written.events());
            return written.decided();
        } catch (SQLException | RuntimeException failure) {
            LOG.debugf("%d scans recorded together failed (%s); each is recorded alone", batch.size(), failure.getMessage());
            return new ArrayList<>(Collections.nCopies(batch.size(), null));
        }
    }

    private Decided recordAlone(Pending pending, boolean raced) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Written written = entityManager.unwrap(Session.class)
                        .doReturningWork(connection -> decide(List.of(pending), raced, false, connection));
                events.written(written.events());
                return written.decided().get(0);
            });
        } catch (Recording.PlacesChanged meanwhile) {
            // another door took the last places between the read and the write: decided again, on what is left
            return recordAlone(pending, raced);
        } catch (RuntimeException failure) {
            if (UniqueViolation.of(failure, "admission_answered_once")) {
                // the same scan, retried while its first attempt was being recorded: the next attempt finds it
                return recordAlone(pending, raced);
            }
            if (!raced && (UniqueViolation.of(failure, "admission_once_a_day") || UniqueViolation.of(failure, "admission_once_a_performance"))) {
                // another door admitted the same pass a moment ago: this scan's places were given back
                return recordAlone(pending, true);
            }
            throw failure;
        }
    }

    /** The answers to the scans decided, in their order (null: to be recorded alone), and the events written with them. */
    private record Written(List<Decided> decided, Outbox.Rows events) {
    }

    /**
     * Decides and records the scans on this connection, in its transaction (or, in autocommit mode, each statement
     * its own); {@code together}: leave (null) what a batch cannot settle.
     */
    private Written decide(List<Pending> batch, boolean raced, boolean together, Connection connection) throws SQLException {
        // PostgreSQL keeps microseconds: the first answer shows the time a retry will read back
        OffsetDateTime now = calendar.nowUtc().truncatedTo(ChronoUnit.MICROS);
        List<Admission> admissions = batch.stream().map(pending -> admission(pending, now)).toList();
        List<ScanFacts> facts = ScanFacts.readAll(connection, admissions);
        Decided[] decided = new Decided[batch.size()];
        Card[] cards = new Card[batch.size()];
        Set<String> nonces = new HashSet<>();
        Set<String> passesAdmitted = new HashSet<>();
        Map<UUID, Integer> placesAsked = new HashMap<>();
        Map<UUID, Integer> placesLeft = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Admission admission = admissions.get(i);
            ScanFacts fact = facts.get(i);
            Card card = batch.get(i).card();
            ProblemException notTheCallers = AdmissionRules.notTheCallers(admission, fact);
            if (notTheCallers != null) {
                if (!together) {
                    throw notTheCallers;
                }
                continue; // refused alone, after this batch
            }
            if (fact.answeredId() != null || !nonces.add(admission.venueId + ' ' + admission.nonce)) {
                if (!together) {
                    Admission answered = Admission.findById(fact.answeredId());
                    if (!answered.sameScanAs(admission)) {
                        // not a retry: another pass or performance under a nonce already answered; its first answer
                        // would show the door someone else's holder check
                        throw ProblemException.conflict("This scan's nonce was already used, at " + answered.scannedAt
                                + ", for another pass or performance: give each scan a nonce of its own (the scanner page makes one)");
                    }
                    return new Written(List.of(new Decided(answered, cardOf(answered))), events.answers(List.of()));
                }
                continue; // recorded alone, after this batch: it finds the first answer
            }
            cards[i] = card.typed() && card.readable() ? card.withStanding(fact) : card;
            admission.reason = AdmissionRules.judge(admission, cards[i], fact);
            if (admission.reason == Reason.VALID && raced) {
                admission.reason = AdmissionRules.alreadyUsedReason(admission);
            }
            if (admission.reason == Reason.VALID && !passesAdmitted.add(onceKey(admission))) {
                cards[i] = null; // the same pass twice in one batch: the second, alone, finds the first
                continue;
            }
            int seats = seats(admission);
            if (batch.get(i).scan().offline()) {
                settleOffline(admission, batch.get(i).scan().admittedOffline(), seats, admission.venueId.equals(fact.performanceVenueId()));
            } else if (admission.reason == Reason.VALID && admission.performanceId != null) {
                placesAsked.merge(admission.performanceId, seats, Integer::sum);
                placesLeft.put(admission.performanceId, fact.placesLeft() == null ? 0 : fact.placesLeft());
            }
        }
        // the places left were read with the facts; the write takes them only if they are still there
        Map<UUID, Integer> placesTaken = new HashMap<>();
        placesAsked.forEach((performance, asked) -> {
            if (AdmissionRules.placesFor(asked, placesLeft.getOrDefault(performance, 0))) {
                placesTaken.put(performance, asked);
            }
        });
        List<Admission> recorded = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Admission admission = admissions.get(i);
            if (cards[i] == null) {
                continue;
            }
            boolean seated = admission.performanceId != null && !batch.get(i).scan().offline();
            if (admission.reason == Reason.VALID && seated && !placesTaken.containsKey(admission.performanceId)) {
                if (together && batch.size() > 1) {
                    continue; // fewer places left than the batch asked: each scan of that performance alone
                }
                admission.reason = Reason.SOLD_OUT;
            }
            finish(admission);
            recorded.add(admission);
            decided[i] = new Decided(admission, cards[i]);
        }
        Outbox.Rows answers = events.answers(recorded);
        Recording.write(connection, placesTaken, recorded, answers);
        return new Written(Arrays.asList(decided), answers);
    }

    private Admission admission(Pending pending, OffsetDateTime now) {
        Scan scan = pending.scan();
        Admission admission = new Admission();
        admission.id = UUID.randomUUID();
        admission.venueId = scan.venueId();
        admission.nonce = scan.nonce();
        admission.token = scan.token() == null || scan.token().isBlank() ? null : scan.token().strip();
        admission.typedCode = admission.token == null;
        admission.passId = pending.card().passId();
        admission.scannedBy = scan.scannedBy();
        admission.device = scan.device();
        admission.doorDeviceId = scan.pairedDevice();
        admission.performanceId = scan.performanceId();
        admission.offline = scan.offline();
        admission.scannedAt = scan.scannedAt() != null
                ? scan.scannedAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS) : now;
        admission.recordedAt = now;
        admission.scanDay = calendar.dayOf(admission.scannedAt);
        admission.traceParent = pending.traceParent();
        return admission;
    }

    /** The key of the "once" rule: per pass and performance, or per pass, venue and day. */
    private static String onceKey(Admission admission) {
        return admission.performanceId != null ? admission.passId + " " + admission.performanceId
                : admission.passId + " " + admission.venueId + " " + admission.scanDay;
    }

    /** The places one admission takes: the group's size, 1 for a single holder. */
    private static int seats(Admission admission) {
        return admission.groupSize == null ? 1 : admission.groupSize;
    }

    private static void finish(Admission admission) {
        if (admission.reason == Reason.VALID) {
            admission.outcome = Outcome.ADMITTED;
            admission.places = admission.performanceId != null ? seats(admission) : 0;
        } else if (admission.outcome != Outcome.ADMITTED) {
            admission.outcome = Outcome.REFUSED;
            admission.priceCents = null;
        }
    }

    /**
     * An offline scan the device let in stays an admission (the holder is inside): a pass already used
     * is flagged as a double use (kept for audit, not counted twice); other verdicts are kept as the
     * reason; places are taken even past the offer. A scan the device refused stays a refusal.
     */
    private void settleOffline(Admission admission, boolean admittedOffline, int seats, boolean performanceHere) {
        if (!admittedOffline) {
            if (admission.reason == Reason.VALID) {
                admission.reason = Reason.REFUSED_OFFLINE;
            }
            return;
        }
        if (admission.reason == Reason.VALID || admission.passId == null) {
            admission.outcome = admission.reason == Reason.VALID ? Outcome.ADMITTED : null;
        } else {
            admission.outcome = Outcome.ADMITTED;
            admission.doubleUse = admission.reason.alreadyUsed();
        }
        if (admission.outcome == Outcome.ADMITTED && !admission.doubleUse && admission.performanceId != null && performanceHere) {
            places.takeAnyway(admission.performanceId, seats);
            admission.places = seats;
        }
    }
}
