package lu.kulturpass.token;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Decoded Ed25519 public keys by key id. Decoding a key (decompressing its curve point) costs a fair share
 * of a verification, so it is done once per key; an entry is reused only while the key lookup returns the
 * same 32 bytes for that id, so a rotated or revoked key takes effect on the next verification.
 */
final class PublicKeyCache {

    private record Entry(byte[] encoded, Ed25519PublicKeyParameters decoded) {
    }

    private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();

    /** The decoded form of {@code encoded}, the 32-byte key the lookup currently gives for {@code keyId}. */
    Ed25519PublicKeyParameters decoded(int keyId, byte[] encoded) {
        Entry entry = entries.get(keyId);
        if (entry == null || !Arrays.equals(entry.encoded(), encoded)) {
            entry = new Entry(encoded.clone(), new Ed25519PublicKeyParameters(encoded, 0));
            entries.put(keyId, entry);
        }
        return entry.decoded();
    }
}
