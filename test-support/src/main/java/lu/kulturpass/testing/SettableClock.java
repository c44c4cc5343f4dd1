package lu.kulturpass.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test sets to a fixed instant (23:59 in Luxembourg, a daylight-saving change) and releases again: until
 * then, and after, it is the machine's clock. A service's test sources declare it as the {@link Clock} bean (a subclass
 * annotated {@code @Singleton}), which replaces platform's default clock under the programme calendar for every test of
 * that service; a test that fixes it releases it when done.
 */
public class SettableClock extends Clock {

    private volatile Instant fixed;

    /** From now on the clock shows this instant, and stands still. */
    public void fixAt(Instant instant) {
        fixed = instant;
    }

    /** Back to the machine's clock. */
    public void release() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Clock.systemUTC().instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SettableClock outer = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return outer.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return outer.withZone(other);
            }
        };
    }
}
