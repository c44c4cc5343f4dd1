package lu.kulturpass.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock {@link ProgrammeCalendar} reads: the system's, in UTC. A test replaces it by declaring its own
 * {@link Clock} bean (this one is a {@link DefaultBean}), e.g. a fixed clock at 23:59 in Luxembourg.
 */
@Dependent
public class ProgrammeClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
