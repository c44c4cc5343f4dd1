package lu.kulturpass.venue.admission;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A scan as the rules take it, before anything is read from the database: the card it showed (its signature already
 * checked), where, by whom, for which performance, when and how ({@link Scanning}), with the id and the times its row will
 * have. {@link #draft} is that row before the rules have judged it.
 */
record Scanned(UUID id, String venueId, String nonce, String token, Card card, UUID performanceId, String scannedBy,
               String device, UUID doorDeviceId, OffsetDateTime scannedAt, LocalDate scanDay, OffsetDateTime recordedAt,
               Scanning scanning, String traceParent) {

    /** The scan's row with what the scan itself says; the rules add the verdict, price and places. */
    Admission draft() {
        Admission admission = new Admission();
        admission.id = id;
        admission.venueId = venueId;
        admission.nonce = nonce;
        admission.token = token;
        admission.typedCode = token == null;
        admission.passId = card.passId();
        admission.scannedBy = scannedBy;
        admission.device = device;
        admission.doorDeviceId = doorDeviceId;
        admission.performanceId = performanceId;
        admission.offline = scanning.offline();
        admission.scannedAt = scannedAt;
        admission.recordedAt = recordedAt;
        admission.scanDay = scanDay;
        admission.traceParent = traceParent;
        return admission;
    }

    /** The key of the "once" rule: per pass and performance, or per pass, venue and day. */
    String onceKey() {
        return performanceId != null ? card.passId() + " " + performanceId : card.passId() + " " + venueId + " " + scanDay;
    }
}
