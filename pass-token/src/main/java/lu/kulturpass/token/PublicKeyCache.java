package lu.kulturpass.token;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decoded Ed25519 public keys by key id. Decoding a key (decompressing its curve point) costs a fair share
 * of a verification, so it is done once per key; an entry is reused only while the key lookup returns the
 * same 32 bytes for that id, so a rotated or revoked key takes effect on the next verification.
 */
final class PublicKeyCache {

    private record Entry(byte[] encoded, SignatureLibrary.VerifyingKey decoded) {
    }

    private final SignatureLibrary library;
    private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();

    PublicKeyCache(SignatureLibrary library) {
        this.library = library;
    }

    /** The decoded form of {@code encoded}, the 32-byte key the lookup currently gives for {@code keyId}. */
    SignatureLibrary.VerifyingKey decoded(int keyId, byte[] encoded) {
        Entry entry = entries.get(keyId);
        if (entry == null || !Arrays.equals(entry.encoded(), encoded)) {
            entry = new Entry(encoded.clone(), library.key(encoded));
            entries.put(keyId, entry);
        }
        return entry.decoded();
    }
}
