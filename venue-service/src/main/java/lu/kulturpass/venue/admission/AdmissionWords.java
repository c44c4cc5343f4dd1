package lu.kulturpass.venue.admission;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of admission at the door: why a scan ends as it does (the sentence box-office staff read, online in the scan's
 * answer and offline on the scanner page, which is served them) and the refusals of the admission API. The texts are in
 * {@code messages/admission_<language>.properties}. Nothing here says why someone holds a pass.
 */
@MessageBundle(value = "admission", locale = "en")
public interface AdmissionWords {

    /** A scan's reason in words (keys reason_VALID…). */
    @Message
    String reason(Reason reason);

    @Message
    String scanAsJson();

    @Message
    String offlineScansAsJson();

    @Message
    String offlineScansRequired();

    @Message
    String tooManyOfflineScans();

    @Message
    String offlineScanMissing();

    @Message
    String scannedAtRequired();

    /** The nonce, missing or too long (JSON field, or the photo's query parameter). */
    @Message
    String scanNonceNeeded();

    @Message
    String scanTokenTooLong();

    @Message
    String scanCodeTooLong();

    /** The scanning device's name, too long (JSON field, or the photo's query parameter). */
    @Message
    String scanDeviceNameTooLong();

    @Message
    String tokenOrCodeNotBoth();

    /** A scan that lost its race with other doors more times than it is tried again. */
    @Message
    String doorsRacing();

    @Message
    String nonceUsedForAnotherScan(String scannedAt);

    @Message
    String scanDatedInFuture(String nonce, String scannedAt);

    @Message
    String undoReasonTooLong();

    @Message
    String noAdmissionAtYourVenue(String admissionId);

    @Message
    String admissionAtAnotherVenue(String admissionId);

    @Message
    String admissionAlreadyUndone(String undoneAt);

    @Message
    String onlyAdmissionsUndone(String reason);

    @Message
    String undoWindowClosed(String minutes, String recordedAt);

    @Message
    String photoMissing();

    @Message
    String photoTooLarge();

    @Message
    String notAPhoto();

    @Message
    String noCodeInPhoto();
}
