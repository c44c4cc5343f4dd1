package lu.kulturpass.benchmarks.fault;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import lu.kulturpass.benchmarks.HarnessLogging;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short version of {@code benchmarks/run-replicas}, run by {@code mvn verify} (Failsafe, after every service was
 * packaged): two replicas of each packaged service on the same databases and broker behind HAProxy (Debian's
 * {@code haproxy}: {@code ./run-all-tests} installs it when run as root), the pass-service replicas starting at once on an
 * empty database; steady scans and enrolments through HAProxy, a race for a performance's last places across both
 * replicas, one venue-service replica killed with SIGKILL mid-load and started again; then every exact check of the
 * harness: each scan answered "admitted" recorded once and counted once in the statistics, places never exceeded, every
 * event on the broker once and in its key's order, both replicas in every consumer group with partitions. No throughput
 * figures here (docs/replicas.md has them). The broker runs in this JVM (Failsafe's class path is a manifest jar another
 * JVM could not be started on).
 */
class ReplicasUnderLoadIT {

    @BeforeAll
    static void quietLogging() {
        HarnessLogging.configure();
    }

    @Test
    void twoReplicasOfEachServiceKeepScansEventsAndStatisticsExactWhenOneIsKilled() throws Exception {
        FaultInjection.Outcome outcome = ReplicasUnderLoad.run(new ReplicasUnderLoad.Options(30, 12, 10, 0.5, 200,
                Duration.ofSeconds(90), false, 0, 0, 0));
        assertTrue(outcome.passed(), outcome.report());
    }
}
