package lu.kulturpass.venue.admission;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import lu.kulturpass.events.AdmissionTopic;
import lu.kulturpass.platform.outbox.Outbox;

/**
 * Admission events on {@code kulturpass.admissions} (keyed by pass id), written to the outbox in the
 * transaction of the change: recorded, refused, undone. Pseudonymous ids only: no initials.
 */
@ApplicationScoped
public class AdmissionEvents {

    private final Outbox outbox;

    public AdmissionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The events of the answers to scans recorded together, as outbox rows the recording statement inserts ({@link Recording}). */
    Outbox.Rows answers(List<Admission> admissions) {
        return outbox.rows(admissions.stream().map(AdmissionEvents::answer).toList());
    }

    /** The answers' rows were inserted by a statement that committed on its own: sent now. */
    void committed(Outbox.Rows answers) {
        outbox.committed(answers);
    }

    private static Outbox.Pending answer(Admission admission) {
        String type = admission.outcome == Outcome.ADMITTED ? AdmissionTopic.Scanned.RECORDED : AdmissionTopic.Scanned.REFUSED;
        return new Outbox.Pending(AdmissionTopic.TOPIC, key(admission), type, AdmissionTopic.Scanned.VERSION, scanned(admission),
                admission.traceParent);
    }

    private static AdmissionTopic.Scanned scanned(Admission admission) {
        return new AdmissionTopic.Scanned(admission.id, admission.venueId, admission.passId, admission.reason.name(),
                admission.category, admission.groupSize, admission.agreementId,
                admission.priceCents == null ? null : BigDecimal.valueOf(admission.priceCents, 2).toPlainString(),
                admission.scannedBy, admission.scannedAt.toString(), admission.performanceId, admission.device,
                admission.doorDeviceId != null, admission.offline, admission.doubleUse);
    }

    void undone(Admission admission) {
        // scannedAt: when the undone admission was scanned, the day whose figures it leaves
        outbox.record(AdmissionTopic.TOPIC, key(admission), AdmissionTopic.Undone.TYPE, AdmissionTopic.Undone.VERSION,
                new AdmissionTopic.Undone(admission.id, admission.venueId, admission.passId, admission.performanceId,
                        admission.undoneBy, admission.undoneOnDevice, admission.undoneAt.toString(), admission.undoReason,
                        admission.scannedAt.toString()));
    }

    private static String key(Admission admission) {
        return admission.passId != null ? String.valueOf(admission.passId) : admission.venueId;
    }
}
