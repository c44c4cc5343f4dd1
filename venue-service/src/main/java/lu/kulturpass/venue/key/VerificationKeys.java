package lu.kulturpass.venue.key;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public keys scans are verified with, cached in memory in front of the local table (which the
 * instances' consumer keeps current). A known key is re-read after 30 s, so a retirement consumed by
 * another instance reaches this one too; an unknown key id is looked up again at most once a second,
 * so a freshly rotated key is picked up without a restart and garbage ids cannot flood the database.
 */
@ApplicationScoped
public class VerificationKeys {

    private static final long RETRY_UNKNOWN_NANOS = 1_000_000_000L;
    private static final long REFRESH_KNOWN_NANOS = 30_000_000_000L;

    private final Map<Integer, Optional<byte[]>> cache = new ConcurrentHashMap<>();
    private final Map<Integer, Long> lookedUpAt = new ConcurrentHashMap<>();

    /** The 32-byte public key for a key id, or null when no valid key has that id. */
    public byte[] publicKey(int keyId) {
        Optional<byte[]> cached = cache.get(keyId);
        if (cached != null && !lookupDue(keyId, cached.isPresent() ? REFRESH_KNOWN_NANOS : RETRY_UNKNOWN_NANOS)) {
            return cached.orElse(null);
        }
        lookedUpAt.put(keyId, System.nanoTime());
        Optional<byte[]> loaded = QuarkusTransaction.joiningExisting().call(() ->
                VerificationKey.<VerificationKey>findByIdOptional(keyId)
                        .map(key -> Base64.getDecoder().decode(key.publicKey)));
        cache.put(keyId, loaded);
        return loaded.orElse(null);
    }

    void forget(int keyId) {
        cache.remove(keyId);
        lookedUpAt.remove(keyId);
    }

    private boolean lookupDue(int keyId, long after) {
        Long at = lookedUpAt.get(keyId);
        return at == null || System.nanoTime() - at > after;
    }
}
