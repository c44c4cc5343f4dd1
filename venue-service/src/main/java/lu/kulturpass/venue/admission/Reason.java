package lu.kulturpass.venue.admission;

import lu.kulturpass.token.TokenRejection;

/**
 * Why a scan ends as it does, with the sentence box-office staff read out or show. Nothing here
 * says why someone holds a pass.
 */
public enum Reason {
    VALID("Valid Kulturpass: admit the holder after checking their ID."),
    NOT_A_KULTURPASS("This is not a Kulturpass code. Ask for the Kulturpass card or type its number."),
    DAMAGED_CODE("The code could not be read completely. Scan again or type the pass number."),
    UNKNOWN_KEY("This card was signed with a key that is not valid. Ask the holder to contact their social office."),
    FORGED("This card's code has been altered. Do not admit; the holder can contact their social office."),
    NOT_YET_VALID("This pass is not valid yet. Check the date on the card."),
    EXPIRED("This pass has expired. The holder can renew it at their social office."),
    NO_AGREEMENT("This venue has no Kulturpass agreement in force today. Please contact the programme."),
    CATEGORY_NOT_ACCEPTED("This kind of pass (child or group) is not accepted here under the venue's agreement."),
    ALREADY_ADMITTED_TODAY("This pass was already used here today.");

    private final String message;

    Reason(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    static Reason of(TokenRejection rejection) {
        return switch (rejection) {
            case EMPTY, UNKNOWN_VERSION, NOT_ENCODED -> NOT_A_KULTURPASS;
            case WRONG_LENGTH, BAD_CONTENT -> DAMAGED_CODE;
            case UNKNOWN_KEY -> UNKNOWN_KEY;
            case BAD_SIGNATURE -> FORGED;
        };
    }
}
