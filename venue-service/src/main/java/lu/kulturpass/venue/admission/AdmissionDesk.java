package lu.kulturpass.venue.admission;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import lu.kulturpass.platform.persistence.UniqueViolation;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.token.PassNumber;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.venue.key.VerificationKeys;
import lu.kulturpass.venue.pass.PassStanding;
import lu.kulturpass.venue.performance.Places;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides a scan locally, without calling another service, in ONE database transaction: one query
 * reads what the rules need ({@link ScanFacts}: the answer already given to this nonce, the pass's
 * standing, the agreement, the performance, "already admitted"), the rules decide
 * ({@link AdmissionRules}), the performance's places are taken (a conditional update of its counter),
 * and the admission row and its event go in the outbox. The signature is checked before the transaction (CPU only). Two unique indexes back the
 * "once" rule and the nonce when two doors race: the loser's transaction rolls back (its places with
 * it) and the scan is recorded again as the refusal, or the first answer is returned.
 */
@ApplicationScoped
public class AdmissionDesk {

    private final PassTokenVerifier verifier;
    private final AdmissionEvents events;
    private final Places places;
    private final ZoneId zone;
    private final EntityManager entityManager;

    public AdmissionDesk(VerificationKeys keys, AdmissionEvents events, Places places, EntityManager entityManager,
                         @ConfigProperty(name = "kulturpass.admission.time-zone") ZoneId zone) {
        this.entityManager = entityManager;
        this.verifier = new PassTokenVerifier(keys::publicKey);
        this.events = events;
        this.places = places;
        this.zone = zone;
    }

    /** The recorded admission (or refusal) and what the card said, for the answer. */
    public record Decided(Admission admission, Card card) {
    }

    public Decided scan(Scan scan) {
        boolean hasToken = scan.token() != null && !scan.token().isBlank();
        boolean hasCode = scan.code() != null && !scan.code().isBlank();
        if (hasToken == hasCode) {
            throw ProblemException.badRequest("Send either the QR code's text (token) or the typed pass number (code), not both");
        }
        Card card = hasToken ? Card.ofToken(verifier, scan.token()) : Card.ofCode(scan.code());
        return record(scan, card, false);
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

    private Decided record(Scan scan, Card card, boolean raced) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> decide(scan, card, raced));
        } catch (RuntimeException failure) {
            if (UniqueViolation.of(failure, "admission_answered_once")) {
                // the same scan, retried while its first attempt was being recorded: the next attempt finds it
                return record(scan, card, raced);
            }
            if (!raced && (UniqueViolation.of(failure, "admission_once_a_day") || UniqueViolation.of(failure, "admission_once_a_performance"))) {
                // another door admitted the same pass a moment ago: this scan's places were given back
                return record(scan, card, true);
            }
            throw failure;
        }
    }

    private Decided decide(Scan scan, Card card, boolean raced) {
        // PostgreSQL keeps microseconds: the first answer shows the time a retry will read back
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Admission admission = new Admission();
        admission.id = UUID.randomUUID();
        admission.venueId = scan.venueId();
        admission.nonce = scan.nonce();
        admission.token = scan.token() == null || scan.token().isBlank() ? null : scan.token().strip();
        admission.typedCode = admission.token == null;
        admission.passId = card.passId();
        admission.scannedBy = scan.scannedBy();
        admission.device = scan.device();
        admission.performanceId = scan.performanceId();
        admission.offline = scan.offline();
        admission.scannedAt = scan.scannedAt() != null
                ? scan.scannedAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS) : now;
        admission.recordedAt = now;
        admission.scanDay = admission.scannedAt.atZoneSameInstant(zone).toLocalDate();
        ScanFacts facts = ScanFacts.read(entityManager, admission.venueId, admission.nonce, card.passId(), admission.performanceId,
                admission.scanDay);
        if (facts.answeredId() != null) {
            Admission answered = Admission.findById(facts.answeredId());
            return new Decided(answered, cardOf(answered));
        }
        Card completed = card.typed() && card.readable() ? card.withStanding(facts) : card;
        admission.reason = AdmissionRules.judge(admission, completed, facts);
        if (admission.reason == Reason.VALID && raced) {
            admission.reason = AdmissionRules.alreadyUsedReason(admission);
        }
        int seats = admission.groupSize == null ? 1 : admission.groupSize;
        if (scan.offline()) {
            settleOffline(admission, scan.admittedOffline(), seats, admission.venueId.equals(facts.performanceVenueId()));
        } else if (admission.reason == Reason.VALID && admission.performanceId != null && !places.take(admission.performanceId, seats)) {
            admission.reason = Reason.SOLD_OUT;
        }
        if (admission.reason == Reason.VALID) {
            admission.outcome = Outcome.ADMITTED;
            admission.places = admission.performanceId != null ? seats : 0;
        } else if (admission.outcome != Outcome.ADMITTED) {
            admission.outcome = Outcome.REFUSED;
            admission.priceCents = null;
        }
        admission.persistAndFlush();
        events.answered(admission);
        return new Decided(admission, completed);
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
