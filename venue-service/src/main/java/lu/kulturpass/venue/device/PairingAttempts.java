package lu.kulturpass.venue.device;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lu.kulturpass.platform.problem.ProblemException;

/**
 * At most 20 pairing attempts a minute from one address (429 after): a setup code has 60 random bits and lives 10 minutes,
 * so guessing is hopeless anyway; this keeps anyone from making the service hash codes for them at will.
 */
@ApplicationScoped
public class PairingAttempts {

    static final int PER_MINUTE = 20;

    private record Window(long minute, int attempts) {
    }

    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();

    void allow(String address) {
        long minute = System.currentTimeMillis() / 60_000;
        if (byAddress.size() > 10_000) {
            byAddress.clear();
        }
        Window now = byAddress.merge(address, new Window(minute, 1),
                (old, fresh) -> old.minute() == minute ? new Window(minute, old.attempts() + 1) : fresh);
        if (now.attempts() > PER_MINUTE) {
            throw new ProblemException(429, "Too many attempts", "Too many pairing attempts from this address: wait a minute, "
                    + "then scan the setup code again");
        }
    }
}
