package lu.kulturpass.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** pass-service's token signing keys on the compacted {@code kulturpass.signing-keys}, keyed by the key id. */
public final class SigningKeyTopic {

    public static final String TOPIC = "kulturpass.signing-keys";

    private SigningKeyTopic() {
    }

    /** A key verifiers learn at once; it signs from {@code activatedAt} (an RFC 3339 time). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Activated(@JsonProperty(required = true) int keyId, String algorithm,
                            @JsonProperty(required = true) String publicKey,
                            @JsonProperty(required = true) String activatedAt) {

        public static final String TYPE = "lu.kulturpass.signing-key.activated";
        public static final int VERSION = 1;
    }

    /** A key no longer verifies: its tokens are refused. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Retired(@JsonProperty(required = true) int keyId, String retiredAt, String retiredBy) {

        public static final String TYPE = "lu.kulturpass.signing-key.retired";
        public static final int VERSION = 1;
    }
}
