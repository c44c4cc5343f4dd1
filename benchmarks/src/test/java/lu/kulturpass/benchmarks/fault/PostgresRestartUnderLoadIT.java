package lu.kulturpass.benchmarks.fault;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import lu.kulturpass.benchmarks.HarnessLogging;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short version of the harness's PostgreSQL case, run by {@code mvn verify} (Failsafe, after every service was packaged:
 * this module comes last in the reactor): the three packaged services under steady scans, enrolments and issuing while
 * the machine's PostgreSQL cluster restarts once ({@code pg_ctlcluster 15 main restart}, as root — CI runs as root — or
 * through sudo without a password), then the harness's exact checks: every admission answered "admitted" once in
 * venue-service's table and once in pass-service's statistics, nothing twice, every approved enrolment with its passes,
 * no 500. Restarting the cluster is safe here because Maven runs one module's tests at a time; the test waits until
 * PostgreSQL accepts connections again before it ends. The broker runs in this JVM (Failsafe's class path is a manifest jar
 * another JVM could not be started on).
 */
class PostgresRestartUnderLoadIT {

    @BeforeAll
    static void quietLogging() {
        HarnessLogging.configure();
    }

    @AfterAll
    static void postgresIsBack() throws InterruptedException {
        FaultInjection.awaitPostgres(Duration.ofSeconds(60));
    }

    @Test
    void admissionsAndPassesAreExactAfterPostgresRestartsUnderLoad() throws Exception {
        FaultInjection.Outcome outcome = FaultInjection.run(new FaultInjection.Options(FaultInjection.Fault.POSTGRES, 30, 10, 0,
                10, 0.5, 200, Duration.ofSeconds(60), false));
        assertTrue(outcome.passed(), outcome.report());
    }
}
