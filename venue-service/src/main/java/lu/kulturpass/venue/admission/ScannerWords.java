package lu.kulturpass.venue.admission;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The scanner page's words (scanner/, served by /words.js): the box office at the door, online and offline, and a paired
 * door device. The reasons of an answer are {@link AdmissionWords#reason}. The texts are in
 * {@code messages/scanner_<language>.properties}; a parameter is filled in by the page ({0}, {1}… in the order here).
 */
@MessageBundle(value = "scanner", locale = "en")
public interface ScannerWords {

    @Message
    String offlineMode();

    @Message
    String pairing();

    @Message
    String pairedAs(String venue, String device);

    @Message
    String pairingFailed(String problem);

    @Message
    String personSignIn();

    @Message
    String scannerSigninMissing();

    @Message
    String waitingSignIn(String count);

    @Message
    String scannerSigninForbidden();

    @Message
    String scanLabel();

    @Message
    String scanPlaceholder();

    @Message
    String ready();

    @Message
    String checking();

    @Message
    String admit();

    @Message
    String refuse();

    @Message
    String admittedOffline();

    @Message
    String refusedOffline();

    @Message
    String checkId();

    @Message
    String checkCard();

    @Message
    String noBirthYear();

    @Message
    String charge(String amount);

    @Message
    String free();

    @Message
    String groupOf(String count);

    @Message
    String undo();

    @Message
    String undone();

    @Message
    String undoReason();

    @Message
    String undoRefused(String problem);

    @Message
    String performanceLabel();

    @Message
    String noPerformance();

    @Message
    String choosePerformanceFirst();

    @Message
    String codeLabel();

    @Message
    String check();

    @Message
    String camera();

    @Message
    String cameraStop();

    @Message
    String photo();

    @Message
    String cameraStarting();

    @Message
    String cameraLooking();

    @Message
    String cameraFailed(String problem);

    @Message
    String cameraEngine(String engine);

    @Message
    String photoSending();

    @Message
    String recent();

    @Message
    String pending(String count);

    @Message
    String syncNow();

    @Message
    String deviceLabel();

    @Message
    String offlineOn();

    @Message
    String offlineKitFailed(String problem);

    @Message
    String offlineKitEmpty();

    @Message
    String offlineKitAge(String fetchedAt, String keys, String withdrawn);

    @Message
    String offlineNoCode();

    @Message
    String offlineNoPhoto();

    @Message
    String syncing();

    @Message
    String synced(String count);

    @Message
    String doubleUses(String count);

    @Message
    String syncFailed(String problem);

    @Message
    String doubleUse();

    @Message
    String wrongLayout();

    @Message
    String networkError(String problem);

    @Message
    String scanError(String problem);
}
