package lu.kulturpass.venue.admission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The answer at the door: admitted or not, why, what to charge (the agreed price for the person or
 * the group; 0.00 for free entry), and what to compare with the ID document.
 * {@code holder} and pass details are present whenever the card itself could be read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanAnswer(UUID admissionId, boolean admitted, Reason reason, String message, String passNumber,
                         String category, Integer groupSize, HolderCheck holder, LocalDate validUntil,
                         BigDecimal price, String currency, OffsetDateTime scannedAt) {

    /** What box-office staff compare with the ID document shown with the card. */
    public record HolderCheck(String initials, Integer birthYear) {
    }
}
