package lu.kulturpass.venue.admission;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A scan as the box-office page sends it: exactly one of {@code token} (the QR code's text) or
 * {@code code} (the pass number typed by hand).
 *
 * @param token         the text read from the QR code
 * @param code          the printed pass number, {@code XXXX-XXXX-C} (case and dashes do not matter)
 * @param nonce         chosen by the client for this scan; a retry with the same nonce gets the first answer
 * @param device        which scanner or phone, for the record
 * @param performanceId the performance the holder comes for; none at venues admitting per day (museums)
 */
public record ScanRequest(@Size(max = 400, message = "{scanTokenTooLong}") String token,
                          @Size(max = 40, message = "{scanCodeTooLong}") String code,
                          @NotBlank(message = "{scanNonceNeeded}") @Size(max = 100, message = "{scanNonceNeeded}") String nonce,
                          @Size(max = 100, message = "{scanDeviceNameTooLong}") String device,
                          UUID performanceId) {
}
