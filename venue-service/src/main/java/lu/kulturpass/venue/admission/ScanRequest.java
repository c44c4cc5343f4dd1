package lu.kulturpass.venue.admission;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A scan as the box-office page sends it.
 *
 * @param token  the text read from the QR code
 * @param nonce  chosen by the client for this scan; a retry with the same nonce gets the first answer
 * @param device which scanner or phone, for the record
 */
public record ScanRequest(@NotBlank @Size(max = 400) String token,
                          @NotBlank @Size(max = 100) String nonce,
                          @Size(max = 100) String device) {
}
