package lu.kulturpass.core.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PassExpiryTest {

    @Inject
    PassExpiry expiry;

    private final Passes passes = new Passes();

    @Test
    void twoReplicasExpiringAtOnceExpireEachPassOnceAndBothFinishTheirRun() throws Exception {
        List<Long> ended = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ended.add(passes.issue("EX", 1970 + i).getLong("id"));
        }
        QuarkusTransaction.requiringNew().run(() -> Pass.update("validFrom = ?1, validUntil = ?2 where id in ?3",
                LocalDate.now().minusYears(2), LocalDate.now().minusDays(1), ended));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // each replica's hourly run, at the same moment, over the same list of due passes
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        CountDownLatch together = new CountDownLatch(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int replica = 0; replica < 2; replica++) {
            runs.add(replicas.submit(() -> {
                together.countDown();
                together.await();
                return expiry.expireDue(today);
            }));
        }
        int expired = 0;
        for (Future<Integer> run : runs) {
            expired += run.get(60, TimeUnit.SECONDS); // a run that stopped on a pass the other expired throws here
        }
        replicas.shutdown();

        assertEquals(ended.size(), QuarkusTransaction.requiringNew().call(() ->
                Pass.count("id in ?1 and status = ?2", ended, PassStatus.EXPIRED)));
        assertEquals(ended.size(), QuarkusTransaction.requiringNew().call(() ->
                PassTransitionRecord.count("passId in ?1 and transition = ?2", ended, Transition.EXPIRE)), "a pass expired twice");
        assertTrue(expired >= ended.size(), "the runs counted " + expired + " passes expired of " + ended.size());
    }
}
