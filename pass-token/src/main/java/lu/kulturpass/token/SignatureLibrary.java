package lu.kulturpass.token;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The library that checks the Ed25519 signatures of pass tokens.
 * <ul>
 * <li>{@link #AWS_LC}: Amazon's AWS-LC, native code reached through the Amazon Corretto Crypto Provider,
 * whose jar carries it for Linux on x86-64. It checks a signature in about half the time BouncyCastle
 * takes on our machines (docs/benchmarks.md).</li>
 * <li>{@link #BOUNCY_CASTLE}: pure Java, everywhere; used where AWS-LC cannot load (another system or
 * processor), or when chosen with the system property {@value #CHOICE}.</li>
 * </ul>
 * Both give the same verdict on every input the tests try (SignatureLibrariesAgreeTest).
 */
public enum SignatureLibrary {

    AWS_LC {
        @Override
        VerifyingKey key(byte[] encoded) {
            return new AwsLcKey(encoded);
        }
    },
    BOUNCY_CASTLE {
        @Override
        VerifyingKey key(byte[] encoded) {
            Ed25519PublicKeyParameters key = new Ed25519PublicKeyParameters(encoded, 0);
            return (message, signature, offset) -> key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, offset);
        }
    };

    /** System property naming the library to use ({@code aws-lc} or {@code bouncy-castle}) instead of the fastest. */
    public static final String CHOICE = "kulturpass.token.signature-library";

    private static final Selection SELECTED = select();

    /** A public key decoded for this library. */
    interface VerifyingKey {
        /** Whether the 64 bytes at {@code offset} in {@code signature} are this key's signature of {@code message}. */
        boolean verifies(byte[] message, byte[] signature, int offset);
    }

    /** Decodes a 32-byte public key; throws IllegalArgumentException if it is not a point of the curve. */
    abstract VerifyingKey key(byte[] encoded);

    /** The library verifiers use by default here: the one chosen with {@value #CHOICE}, else AWS-LC if it works here, else BouncyCastle. */
    public static SignatureLibrary inUse() {
        return SELECTED.library();
    }

    /** Why the library in use was picked, for the services' start-up log. */
    public static String whyInUse() {
        return SELECTED.reason();
    }

    private record Selection(SignatureLibrary library, String reason) {
    }

    private static Selection select() {
        String chosen = System.getProperty(CHOICE);
        if (chosen != null && !chosen.isBlank()) {
            SignatureLibrary library = named(chosen.strip());
            String unavailable = library == AWS_LC ? whyAwsLcCannotBeUsed() : null;
            if (unavailable != null) {
                // refusing every card would be worse than not starting
                throw new IllegalStateException("-D" + CHOICE + "=" + chosen.strip() + ", but AWS-LC cannot be used here: " + unavailable);
            }
            return new Selection(library, "chosen with -D" + CHOICE + "=" + chosen.strip());
        }
        String unavailable = whyAwsLcCannotBeUsed();
        return unavailable == null ? new Selection(AWS_LC, "the fastest here")
                : new Selection(BOUNCY_CASTLE, "AWS-LC cannot be used here: " + unavailable);
    }

    private static SignatureLibrary named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("-D" + CHOICE + " must be aws-lc or bouncy-castle, not " + name, unknown);
        }
    }

    /** Null when AWS-LC loaded and checks RFC 8032's first test vector right (and refuses it altered); else why not. */
    private static String whyAwsLcCannotBeUsed() {
        try {
            Throwable loading = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
            if (loading != null) {
                return loading.toString();
            }
            HexFormat hex = HexFormat.of();
            VerifyingKey key = AWS_LC.key(hex.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
            byte[] signature = hex.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                    + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
            boolean accepts = key.verifies(new byte[0], signature, 0);
            signature[0] ^= 1;
            boolean refusesAltered = !key.verifies(new byte[0], signature, 0);
            return accepts && refusesAltered ? null : "it gave a wrong verdict on RFC 8032's test vector 1";
        } catch (RuntimeException | LinkageError unavailable) { // no Ed25519 in AWS-LC here included (AwsLcKey)
            return unavailable.toString();
        }
    }
}
