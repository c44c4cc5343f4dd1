package lu.kulturpass.venue;

import jakarta.inject.Singleton;
import lu.kulturpass.testing.SettableClock;

/**
 * The clock venue-service reads in its tests (through the programme calendar): the machine's, unless a test fixes
 * it ({@link ProgrammeDayTest}).
 */
@Singleton
public class TestClock extends SettableClock {
}
