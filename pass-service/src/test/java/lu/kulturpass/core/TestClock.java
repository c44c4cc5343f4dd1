package lu.kulturpass.core;

import jakarta.inject.Singleton;
import lu.kulturpass.testing.SettableClock;

/**
 * The clock pass-service reads in its tests (through the programme calendar): the machine's, unless a test fixes it
 * ({@code PassValidityDayTest}).
 */
@Singleton
public class TestClock extends SettableClock {
}
