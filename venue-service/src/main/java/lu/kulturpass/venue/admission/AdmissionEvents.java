package lu.kulturpass.venue.admission;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lu.kulturpass.platform.outbox.Outbox;

/**
 * Admission events on {@code kulturpass.admissions} (keyed by pass id), written to the outbox in the
 * transaction of the change: recorded, refused, undone. Pseudonymous ids only: no initials.
 */
@ApplicationScoped
public class AdmissionEvents {

    public static final String TOPIC = "kulturpass.admissions";

    private final Outbox outbox;

    public AdmissionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The events of the answers to scans recorded together, as outbox rows the recording statement inserts ({@link Recording}). */
    Outbox.Rows answers(List<Admission> admissions) {
        return outbox.rows(admissions.stream().map(AdmissionEvents::answer).toList());
    }

    /** The answers' rows are in the outbox: sent once the transaction commits. */
    void written(Outbox.Rows answers) {
        outbox.inserted(answers);
    }

    /** The answers' rows were inserted by a statement that committed on its own: sent now. */
    void committed(Outbox.Rows answers) {
        outbox.committed(answers);
    }

    private static Outbox.Pending answer(Admission admission) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("admissionId", admission.id.toString());
        data.put("venueId", admission.venueId);
        data.put("passId", admission.passId);
        data.put("reason", admission.reason.name());
        data.put("category", admission.category);
        data.put("groupSize", admission.groupSize);
        data.put("agreementId", admission.agreementId == null ? null : admission.agreementId.toString());
        data.put("price", admission.priceCents == null ? null : BigDecimal.valueOf(admission.priceCents, 2).toPlainString());
        data.put("scannedBy", admission.scannedBy);
        data.put("scannedAt", admission.scannedAt.toString());
        data.put("performanceId", admission.performanceId == null ? null : admission.performanceId.toString());
        data.put("device", admission.device);
        data.put("pairedDevice", admission.doorDeviceId != null);
        data.put("offline", admission.offline);
        data.put("doubleUse", admission.doubleUse);
        String type = admission.outcome == Outcome.ADMITTED ? "lu.kulturpass.admission.recorded" : "lu.kulturpass.admission.refused";
        return new Outbox.Pending(TOPIC, key(admission), type, 1, data, admission.traceParent);
    }

    void undone(Admission admission) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("admissionId", admission.id.toString());
        data.put("venueId", admission.venueId);
        data.put("passId", admission.passId);
        data.put("performanceId", admission.performanceId == null ? null : admission.performanceId.toString());
        data.put("undoneBy", admission.undoneBy);
        data.put("undoneOnDevice", admission.undoneOnDevice == null ? null : admission.undoneOnDevice.toString());
        data.put("undoneAt", admission.undoneAt.toString());
        data.put("reason", admission.undoReason);
        // when the undone admission was scanned: the day whose figures it leaves (and what consumers read first)
        data.put("scannedAt", admission.scannedAt.toString());
        outbox.record(TOPIC, key(admission), "lu.kulturpass.admission.undone", 1, data);
    }

    private static String key(Admission admission) {
        return admission.passId != null ? String.valueOf(admission.passId) : admission.venueId;
    }
}
