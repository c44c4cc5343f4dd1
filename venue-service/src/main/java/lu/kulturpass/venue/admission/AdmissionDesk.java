package lu.kulturpass.venue.admission;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.persistence.UniqueViolation;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassNumber;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.token.Verification;
import lu.kulturpass.venue.key.VerificationKeys;
import lu.kulturpass.venue.partner.Agreement;
import lu.kulturpass.venue.partner.Venue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides a scan locally, without calling another service: the token's signature against the cached
 * public keys, its validity window, the venue's agreement in force (local copy of the partner topic)
 * and the categories it accepts, and one admission per pass, venue and day (enforced by a unique
 * index, so two doors scanning the same card at once admit it once). Records every answer with the
 * client's nonce and sends it out through the outbox.
 */
@ApplicationScoped
public class AdmissionDesk {

    public static final String TOPIC = "kulturpass.admissions";

    private final PassTokenVerifier verifier;
    private final Outbox outbox;
    private final ZoneId zone;

    public AdmissionDesk(VerificationKeys keys, Outbox outbox,
                         @ConfigProperty(name = "kulturpass.admission.time-zone") ZoneId zone) {
        this.verifier = new PassTokenVerifier(keys::publicKey);
        this.outbox = outbox;
        this.zone = zone;
    }

    public ScanAnswer scan(String venueId, ScanRequest request, String scannedBy) {
        Optional<Admission> answered = QuarkusTransaction.requiringNew().call(() -> Admission.findAnswered(venueId, request.nonce()));
        if (answered.isPresent()) {
            return answerFor(answered.get());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
        Verification verification = verifier.verify(request.token());
        Admission admission = new Admission();
        admission.id = UUID.randomUUID();
        admission.venueId = venueId;
        admission.nonce = request.nonce();
        admission.token = request.token().strip();
        admission.scannedBy = scannedBy;
        admission.device = request.device();
        admission.scannedAt = now;
        admission.scanDay = today;
        if (verification instanceof Verification.Verified verified) {
            admission.passId = verified.claims().passId();
            admission.reason = dateCheck(verified.claims(), today);
            if (admission.reason == Reason.VALID) {
                admission.reason = QuarkusTransaction.requiringNew().call(() -> agreementCheck(admission, verified.claims(), today));
            }
        } else {
            admission.reason = Reason.of(((Verification.Rejected) verification).reason());
        }
        admission.outcome = admission.reason == Reason.VALID ? Outcome.ADMITTED : Outcome.REFUSED;
        PassClaims claims = verification instanceof Verification.Verified verified ? verified.claims() : null;
        Admission recorded = record(admission, claims);
        // the signature is checked once per scan; only an answer recorded by a concurrent retry is read again
        return recorded == admission ? answerFor(recorded, claims) : answerFor(recorded);
    }

    private Admission record(Admission admission, PassClaims claims) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (admission.outcome == Outcome.ADMITTED && admittedToday(admission)) {
                    refuse(admission, Reason.ALREADY_ADMITTED_TODAY);
                }
                return persistWithEvent(admission, claims);
            });
        } catch (RuntimeException failure) {
            if (UniqueViolation.of(failure, "admission_answered_once")) {
                // the same scan, retried while its first attempt was being recorded
                return QuarkusTransaction.requiringNew().call(() -> Admission.findAnswered(admission.venueId, admission.nonce))
                        .orElseThrow(() -> failure);
            }
            if (UniqueViolation.of(failure, "admission_once_a_day")) {
                // another door admitted the same pass a moment ago
                refuse(admission, Reason.ALREADY_ADMITTED_TODAY);
                return record(admission, claims);
            }
            throw failure;
        }
    }

    private static void refuse(Admission admission, Reason reason) {
        admission.outcome = Outcome.REFUSED;
        admission.reason = reason;
        admission.priceCents = null;
    }

    private static boolean admittedToday(Admission admission) {
        return Admission.count("venueId = ?1 and passId = ?2 and scanDay = ?3 and outcome = ?4",
                admission.venueId, admission.passId, admission.scanDay, Outcome.ADMITTED) > 0;
    }

    private Admission persistWithEvent(Admission admission, PassClaims claims) {
        admission.persistAndFlush();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("admissionId", admission.id.toString());
        data.put("venueId", admission.venueId);
        data.put("passId", admission.passId);
        data.put("reason", admission.reason.name());
        data.put("category", claims == null ? null : claims.category().name());
        data.put("groupSize", claims == null ? null : claims.groupSize());
        data.put("agreementId", admission.agreementId == null ? null : admission.agreementId.toString());
        data.put("price", admission.priceCents == null ? null : BigDecimal.valueOf(admission.priceCents, 2).toPlainString());
        data.put("scannedBy", admission.scannedBy);
        data.put("scannedAt", admission.scannedAt.toString());
        String type = admission.outcome == Outcome.ADMITTED ? "lu.kulturpass.admission.recorded" : "lu.kulturpass.admission.refused";
        String key = admission.passId != null ? String.valueOf(admission.passId) : admission.venueId;
        outbox.record(TOPIC, key, type, 1, data);
        return admission;
    }

    /** The venue's agreement in force today must accept the pass's category; sets the price to charge. */
    private static Reason agreementCheck(Admission admission, PassClaims claims, LocalDate today) {
        Venue venue = Venue.findById(admission.venueId);
        Optional<Agreement> agreement = venue == null ? Optional.empty() : Agreement.inForce(venue.partnerId, today);
        if (agreement.isEmpty()) {
            return Reason.NO_AGREEMENT;
        }
        if (!agreement.get().accepts(claims.category().name())) {
            return Reason.CATEGORY_NOT_ACCEPTED;
        }
        admission.agreementId = agreement.get().id;
        admission.priceCents = agreement.get().priceCentsPerPerson() * claims.groupSize();
        return Reason.VALID;
    }

    private static Reason dateCheck(PassClaims claims, LocalDate today) {
        if (today.isBefore(claims.validFrom())) {
            return Reason.NOT_YET_VALID;
        }
        if (today.isAfter(claims.validUntil())) {
            return Reason.EXPIRED;
        }
        return Reason.VALID;
    }

    /** The answer recorded earlier (a retried nonce): its token is read again for the holder check. */
    private ScanAnswer answerFor(Admission admission) {
        return answerFor(admission, verifier.verify(admission.token) instanceof Verification.Verified verified ? verified.claims() : null);
    }

    private ScanAnswer answerFor(Admission admission, PassClaims claims) {
        return new ScanAnswer(admission.id, admission.outcome == Outcome.ADMITTED, admission.reason, admission.reason.message(),
                claims == null ? null : PassNumber.format(claims.passId()),
                claims == null ? null : claims.category().name(),
                claims == null ? null : claims.groupSize(),
                claims == null ? null : new ScanAnswer.HolderCheck(claims.initials(), claims.birthYear() == 0 ? null : claims.birthYear()),
                claims == null ? null : claims.validUntil(),
                admission.priceCents == null ? null : BigDecimal.valueOf(admission.priceCents, 2),
                admission.priceCents == null ? null : "EUR",
                admission.scannedAt);
    }
}
