package lu.kulturpass.venue.admission;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javax.sql.DataSource;
import lu.kulturpass.platform.fault.Retries;
import lu.kulturpass.platform.outbox.EventTrace;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.token.SignatureLibrary;
import lu.kulturpass.venue.key.VerificationKeys;
import lu.kulturpass.venue.pass.PassStanding;
import lu.kulturpass.platform.words.Words;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Where a scan is decided and recorded, without calling another service. The path of a scan:
 * <ol>
 * <li>{@link #read}: the card's signature is checked on the request's thread (CPU only);</li>
 * <li>a live scan waits in the {@link AdmissionQueue} with the scans arriving at the same moment, and a recorder records
 * them together ({@link Recorder}: their facts read in one query, decided by {@link AdmissionRules#decide}, written in
 * one statement);</li>
 * <li>a scan its batch did not settle ({@link Settled.Again}), and every offline scan, is recorded alone: the same
 * {@link Recorder} with a batch of one, at most {@value #ATTEMPTS} times while it loses races with other doors, then a
 * 503 the door retries with the same nonce.</li>
 * </ol>
 */
@ApplicationScoped
public class AdmissionDesk {

    private static final Logger LOG = Logger.getLogger(AdmissionDesk.class);

    /**
     * How many times a scan recorded alone is decided again after losing a race (another door took the last places, or
     * recorded the same pass or nonce, between the facts and the write). Each attempt reads fresh facts, so the second
     * normally finds what the other door did and answers by the rules (sold out, already admitted, the first answer).
     */
    static final int ATTEMPTS = 3;

    private final PassTokenVerifier verifier;
    private final Recorder recorder;
    private final AdmissionQueue queue;
    private final ManagedExecutor blocking;

    public AdmissionDesk(VerificationKeys keys, AdmissionEvents events, DataSource dataSource, ProgrammeCalendar calendar,
                         AdmissionConfig config, MeterRegistry registry, ManagedExecutor blocking) {
        this.verifier = new PassTokenVerifier(keys::publicKey);
        this.recorder = new Recorder(dataSource, events, calendar, verifier);
        this.queue = new AdmissionQueue(config.recorders(), config.batchSize(), config.batchPatience(), this::record, registry);
        this.blocking = blocking;
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
        if (scan.scanning().offline()) {
            return alone(pending); // offline scans (a sync) are settled one by one
        }
        return answerOrAlone(queue.record(pending).join(), pending);
    }

    /**
     * Decides and records a live scan without holding the caller's thread: the scan waits in the queue with the scans
     * arriving together and the answer comes when its batch is recorded; a scan the batch did not settle is recorded
     * alone on a worker thread.
     */
    public CompletionStage<Decided> scanWhenRecorded(Scan scan) {
        Pending pending = read(scan);
        if (scan.scanning().offline()) {
            return CompletableFuture.supplyAsync(() -> alone(pending), blocking);
        }
        return queue.record(pending).thenCompose(settled -> settled instanceof Settled.Again
                ? CompletableFuture.supplyAsync(() -> alone(pending), blocking)
                : CompletableFuture.completedFuture(answerOf(settled)));
    }

    /** The records of a batch, as the queue's recorders make them. */
    List<Settled> record(List<Pending> batch) {
        return recorder.record(batch);
    }

    private Decided answerOrAlone(Settled settled, Pending pending) {
        return settled instanceof Settled.Again ? alone(pending) : answerOf(settled);
    }

    /**
     * Records a scan alone. An attempt is tried again while the database is away for a moment (a restart, see
     * {@link Retries}), which is safe since a scan is idempotent by its nonce; the whole is tried again while it loses races.
     */
    private Decided alone(Pending pending) {
        return untilSettled(() -> Retries.idempotent(() -> recorder.record(List.of(pending))).get(0));
    }

    /**
     * The answer of the first of at most {@value #ATTEMPTS} attempts that settles the scan; a refusal is thrown; when
     * every attempt lost its race, a 503 problem (the scanner page sends the scan again with the same nonce).
     */
    static Decided untilSettled(Supplier<Settled> attempt) {
        for (int i = 1; i <= ATTEMPTS; i++) {
            Settled settled = attempt.get();
            if (!(settled instanceof Settled.Again again)) {
                return answerOf(settled);
            }
            LOG.debugf("Attempt %d to record a scan alone lost a race (%s)", i, again.why());
        }
        throw ProblemException.unavailable(Words.of(AdmissionWords.class).doorsRacing());
    }

    /** The answer of a scan that was settled: answered, or refused (thrown). */
    private static Decided answerOf(Settled settled) {
        if (settled instanceof Settled.Refused refused) {
            throw refused.problem();
        }
        return ((Settled.Answered) settled).decided();
    }

    /** The card as the scan shows it: the QR code's signed token checked, or the typed pass number read. */
    private Pending read(Scan scan) {
        boolean hasToken = scan.token() != null && !scan.token().isBlank();
        boolean hasCode = scan.code() != null && !scan.code().isBlank();
        if (hasToken == hasCode) {
            throw ProblemException.badRequest(Words.of(AdmissionWords.class).tokenOrCodeNotBoth());
        }
        return new Pending(scan, hasToken ? Card.ofToken(verifier, scan.token()) : Card.ofCode(scan.code()));
    }

    /** The card an earlier answer was given for (the recent list), in the caller's transaction. */
    public Card cardOf(Admission admission) {
        return Card.ofAnswer(verifier, admission, card -> card.withStanding(PassStanding.<PassStanding>findById(admission.passId)));
    }

    /** Says at start which library checks the cards' signatures, and why (AWS-LC unless it cannot load here). */
    void announceSignatureLibrary(@Observes StartupEvent started) {
        LOG.infof("Pass signatures are checked with %s (%s)", SignatureLibrary.inUse(), SignatureLibrary.whyInUse());
    }

    @PreDestroy
    void closeQueue() {
        queue.stop();
    }
}
