package lu.kulturpass.token;

/** Why a scanned text is not an acceptable pass token. Every malformed input maps to one of these. */
public enum TokenRejection {
    EMPTY("nothing was scanned"),
    UNKNOWN_VERSION("not a Kulturpass token of a version this scanner knows"),
    NOT_ENCODED("the text contains characters a Kulturpass QR code never holds"),
    WRONG_LENGTH("the token is truncated or too long"),
    UNKNOWN_KEY("signed with a key that is not (or no longer) valid"),
    BAD_SIGNATURE("the signature does not match: the token was altered or forged"),
    BAD_CONTENT("the token's content is not valid");

    private final String description;

    TokenRejection(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
