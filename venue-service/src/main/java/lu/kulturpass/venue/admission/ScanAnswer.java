package lu.kulturpass.venue.admission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The answer at the door: admitted or not, why (the reason, and its sentence in the caller's language; the scanner page has every reason's words
 * from /words.js), what to
 * charge (the agreed price for the person or the group; 0.00 for free entry), and what to compare with
 * the ID document: the initials and birth year from the signed QR code ({@code holderCheck} ANSWER),
 * or, for a typed pass number, the name printed on the card ({@code holderCheck} CARD).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanAnswer(UUID admissionId, boolean admitted, Reason reason, String message,
                         String passNumber, String category, Integer groupSize, HolderCheck holder, String holderCheck,
                         LocalDate validUntil, BigDecimal price, String currency, OffsetDateTime scannedAt,
                         UUID performanceId, OffsetDateTime undoableUntil, Boolean offline, Boolean doubleUse,
                         OffsetDateTime undoneAt) {

    /** What box-office staff compare with the ID document shown with the card. */
    public record HolderCheck(String initials, Integer birthYear) {
    }
}
