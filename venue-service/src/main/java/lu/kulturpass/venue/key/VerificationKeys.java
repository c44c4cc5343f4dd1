package lu.kulturpass.venue.key;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public keys scans are verified with: the local table (which the instances' consumer keeps
 * current) held in memory, so that checking a card's signature never waits for the database and can
 * run on the HTTP event loop. The copy is read again at start, after this instance applies a key
 * event, and every second ({@code kulturpass.keys.refresh}), so a key activated or retired by an event
 * another instance consumed reaches this one within a second.
 */
@ApplicationScoped
public class VerificationKeys {

    /** Fired by the consumer when it changed the table; the copy is read again once that commits. */
    record Changed() {
    }

    private volatile Map<Integer, byte[]> known = Map.of();

    /** The 32-byte public key for a key id, or null when no valid key has that id. Never blocks. */
    public byte[] publicKey(int keyId) {
        return known.get(keyId);
    }

    void atStart(@Observes StartupEvent start) {
        reload();
    }

    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        reload();
    }

    @Scheduled(every = "${kulturpass.keys.refresh:1s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reload() {
        List<VerificationKey> keys = QuarkusTransaction.requiringNew().call(() -> VerificationKey.<VerificationKey>listAll());
        known = keys.stream().collect(Collectors.toUnmodifiableMap(key -> key.keyId, key -> Base64.getDecoder().decode(key.publicKey)));
    }
}
