package lu.kulturpass.venue.admission;

import java.util.LinkedHashMap;
import java.util.Map;
import lu.kulturpass.token.TokenRejection;

/**
 * Why a scan ends as it does, with the sentence box-office staff read out or show, in French, German
 * and English. Nothing here says why someone holds a pass.
 */
public enum Reason {
    VALID("Kulturpass valable : laissez entrer la personne après avoir vérifié sa pièce d'identité.",
            "Gültiger Kulturpass: Einlass nach Prüfung des Ausweises.",
            "Valid Kulturpass: admit the holder after checking their ID."),
    NOT_A_KULTURPASS("Ce n'est pas un code Kulturpass. Demandez la carte Kulturpass ou tapez son numéro.",
            "Das ist kein Kulturpass-Code. Bitten Sie um die Kulturpass-Karte oder tippen Sie ihre Nummer ein.",
            "This is not a Kulturpass code. Ask for the Kulturpass card or type its number."),
    DAMAGED_CODE("Le code n'a pas pu être lu entièrement. Scannez à nouveau ou tapez le numéro de la carte.",
            "Der Code konnte nicht vollständig gelesen werden. Erneut scannen oder die Kartennummer eintippen.",
            "The code could not be read completely. Scan again or type the pass number."),
    UNKNOWN_KEY("Cette carte a été signée avec une clé non valable. La personne peut contacter son office social.",
            "Diese Karte wurde mit einem ungültigen Schlüssel signiert. Die Person kann sich an ihr Sozialamt wenden.",
            "This card was signed with a key that is not valid. Ask the holder to contact their social office."),
    FORGED("Le code de cette carte a été modifié. Ne pas laisser entrer ; la personne peut contacter son office social.",
            "Der Code dieser Karte wurde verändert. Kein Einlass; die Person kann sich an ihr Sozialamt wenden.",
            "This card's code has been altered. Do not admit; the holder can contact their social office."),
    NOT_YET_VALID("Cette carte n'est pas encore valable. Vérifiez la date sur la carte.",
            "Diese Karte ist noch nicht gültig. Prüfen Sie das Datum auf der Karte.",
            "This pass is not valid yet. Check the date on the card."),
    EXPIRED("Cette carte a expiré. La personne peut la renouveler auprès de son office social.",
            "Diese Karte ist abgelaufen. Die Person kann sie bei ihrem Sozialamt verlängern.",
            "This pass has expired. The holder can renew it at their social office."),
    SUSPENDED("Cette carte est suspendue pour le moment. La personne peut contacter son office social.",
            "Diese Karte ist vorübergehend gesperrt. Die Person kann sich an ihr Sozialamt wenden.",
            "This pass is suspended for now. The holder can contact their social office."),
    REVOKED("Cette carte n'est plus valable. La personne peut contacter son office social.",
            "Diese Karte ist nicht mehr gültig. Die Person kann sich an ihr Sozialamt wenden.",
            "This pass is no longer valid. The holder can contact their social office."),
    REPLACED("Cette carte a été remplacée par une nouvelle. Demandez la nouvelle carte.",
            "Diese Karte wurde durch eine neue ersetzt. Bitten Sie um die neue Karte.",
            "This card has been replaced by a new one. Ask for the new card."),
    NO_AGREEMENT("Ce lieu n'a pas de convention Kulturpass en vigueur aujourd'hui. Contactez le programme.",
            "Dieser Ort hat heute keine gültige Kulturpass-Vereinbarung. Bitte wenden Sie sich an das Programm.",
            "This venue has no Kulturpass agreement in force today. Please contact the programme."),
    CATEGORY_NOT_ACCEPTED("Ce type de carte (enfant ou groupe) n'est pas accepté ici selon la convention du lieu.",
            "Diese Kartenart (Kind oder Gruppe) wird hier laut Vereinbarung nicht angenommen.",
            "This kind of pass (child or group) is not accepted here under the venue's agreement."),
    ALREADY_ADMITTED("Cette carte a déjà été utilisée pour cette représentation.",
            "Diese Karte wurde für diese Vorstellung schon benutzt.",
            "This pass was already used for this performance."),
    ALREADY_ADMITTED_TODAY("Cette carte a déjà été utilisée ici aujourd'hui.",
            "Diese Karte wurde heute hier schon benutzt.",
            "This pass was already used here today."),
    SOLD_OUT("Plus de places Kulturpass pour cette représentation.",
            "Keine Kulturpass-Plätze mehr für diese Vorstellung.",
            "No Kulturpass places left for this performance."),
    PERFORMANCE_REQUIRED("Choisissez d'abord la représentation, puis scannez à nouveau.",
            "Wählen Sie zuerst die Vorstellung und scannen Sie dann erneut.",
            "Choose the performance first, then scan again."),
    UNKNOWN_PERFORMANCE("Cette représentation n'existe pas dans ce lieu. Choisissez-en une dans la liste.",
            "Diese Vorstellung gibt es an diesem Ort nicht. Wählen Sie eine aus der Liste.",
            "This performance does not exist at this venue. Choose one from the list."),
    PERFORMANCE_CANCELLED("Cette représentation est annulée.",
            "Diese Vorstellung ist abgesagt.",
            "This performance is cancelled."),
    PERFORMANCE_NOT_TODAY("Cette représentation n'a pas lieu aujourd'hui. Choisissez celle de ce jour.",
            "Diese Vorstellung findet nicht heute statt. Wählen Sie die heutige.",
            "This performance is not today. Choose today's performance."),
    UNKNOWN_CODE("Numéro de carte inconnu. Vérifiez la saisie ou scannez le code QR.",
            "Unbekannte Kartennummer. Prüfen Sie die Eingabe oder scannen Sie den QR-Code.",
            "Unknown pass number. Check what you typed or scan the QR code."),
    REFUSED_OFFLINE("Refusé par le scanner hors ligne.",
            "Vom Offline-Scanner abgelehnt.",
            "Refused by the offline scanner.");

    private final Map<String, String> messages;

    Reason(String fr, String de, String en) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        byLanguage.put("fr", fr);
        byLanguage.put("de", de);
        byLanguage.put("en", en);
        this.messages = Map.copyOf(byLanguage);
    }

    /** The message in a language (fr, de or en). */
    public String message(String language) {
        return messages.getOrDefault(language, messages.get("fr"));
    }

    /** Every language's message, French first. */
    public Map<String, String> messages() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String language : Languages.SUPPORTED) {
            ordered.put(language, messages.get(language));
        }
        return ordered;
    }

    /** Whether this reason is the "already used" rule (per performance or per day). */
    public boolean alreadyUsed() {
        return this == ALREADY_ADMITTED || this == ALREADY_ADMITTED_TODAY;
    }

    static Reason of(TokenRejection rejection) {
        return switch (rejection) {
            case EMPTY, UNKNOWN_VERSION, NOT_ENCODED -> NOT_A_KULTURPASS;
            case WRONG_LENGTH, BAD_CONTENT -> DAMAGED_CODE;
            case UNKNOWN_KEY -> UNKNOWN_KEY;
            case BAD_SIGNATURE -> FORGED;
        };
    }

    /** The refusal for a pass's standing in the local copy of pass events; null when it admits. */
    static Reason ofStanding(String status) {
        return switch (status) {
            case "SUSPENDED" -> SUSPENDED;
            case "REVOKED" -> REVOKED;
            case "REPLACED" -> REPLACED;
            case "EXPIRED" -> EXPIRED;
            default -> null;
        };
    }
}
