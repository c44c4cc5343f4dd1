package lu.kulturpass.venue.device;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.platform.problem.ProblemException;

/**
 * At most 20 refused pairing attempts a minute from one address; after that, 429 until the minute is over. A setup code
 * has 60 random bits and lives 10 minutes, so guessing is hopeless anyway; this keeps anyone from trying codes at will.
 * Successful pairings do not count: a venue pairing many devices behind one address is not held up.
 */
@ApplicationScoped
public class PairingAttempts {

    static final int REFUSALS_PER_MINUTE = 20;

    private record Window(long minute, int refusals) {
    }

    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;

    public PairingAttempts() {
        this(System::currentTimeMillis);
    }

    PairingAttempts(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    /** 429 when this address was refused too often this minute. */
    void allow(String address) {
        Window window = byAddress.get(address);
        if (window != null && window.minute() == minute() && window.refusals() >= REFUSALS_PER_MINUTE) {
            throw new ProblemException(429, "Too many attempts", Words.of(DeviceWords.class).tooManyPairingAttempts());
        }
    }

    /** The address tried a code that was refused (unknown, used, expired). */
    void refused(String address) {
        long minute = minute();
        if (byAddress.size() > 10_000) {
            byAddress.values().removeIf(window -> window.minute() != minute);
        }
        byAddress.merge(address, new Window(minute, 1),
                (old, fresh) -> old.minute() == minute ? new Window(minute, old.refusals() + 1) : fresh);
    }

    private long minute() {
        return clockMillis.getAsLong() / 60_000;
    }
}
