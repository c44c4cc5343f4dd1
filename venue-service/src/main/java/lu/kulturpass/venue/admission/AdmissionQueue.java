package lu.kulturpass.venue.admission;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The queue at the box offices: live scans wait here, and a few recorders take all the scans waiting
 * (up to a batch's size) and record them together, in one transaction ({@link Recorder}). When the
 * doors are quiet a batch is one scan and nothing waits; when they are busy, the scans that arrive
 * while a batch is being recorded form the next one, so the database does one transaction for many
 * scans instead of one each.
 * <p>
 * A scan's answer comes back as a future, so the request that waits for it holds no thread: the
 * recorder completes it. The future holds {@link Settled.Again} when the scan must be recorded alone: not
 * settled by its batch, the batch failed, the queue is closed, or no recorder answered within the patience
 * (if its batch commits after all, the nonce's unique index makes the alone attempt find that first answer).
 */
final class AdmissionQueue {

    private static final Logger LOG = Logger.getLogger(AdmissionQueue.class);

    private record Waiting(AdmissionDesk.Pending pending, CompletableFuture<Settled> answer) {
    }

    private final int recorders;
    private final int batchSize;
    private final Duration patience;
    private final Function<List<AdmissionDesk.Pending>, List<Settled>> recordTogether;
    private final DistributionSummary batchSizes;
    private final LinkedBlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    AdmissionQueue(int recorders, int batchSize, Duration patience,
                   Function<List<AdmissionDesk.Pending>, List<Settled>> recordTogether, MeterRegistry registry) {
        this.batchSizes = DistributionSummary.builder("kulturpass.admission.batch.size")
                .description("Scans recorded together in one transaction").register(registry);
        this.recorders = recorders;
        this.batchSize = batchSize;
        this.patience = patience;
        this.recordTogether = recordTogether;
    }

    /** Whether scans wait here to be recorded together (not when there are no recorders, or stopped). */
    boolean open() {
        return recorders > 0 && !stopped;
    }

    /** How the scan was settled once its batch is recorded, completed by a recorder's thread. */
    CompletableFuture<Settled> record(AdmissionDesk.Pending pending) {
        if (!open()) {
            return CompletableFuture.completedFuture(new Settled.Again("no recorders"));
        }
        startOnce();
        Waiting scan = new Waiting(pending, new CompletableFuture<>());
        waiting.add(scan);
        return scan.answer().orTimeout(patience.toMillis(), TimeUnit.MILLISECONDS).exceptionally(late -> {
            LOG.warnf("A scan waited %s for its batch; it is recorded alone", patience);
            return new Settled.Again("no recorder answered within " + patience);
        });
    }

    void stop() {
        stopped = true;
        synchronized (threads) {
            threads.forEach(Thread::interrupt);
        }
        List<Waiting> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(scan -> scan.answer().complete(new Settled.Again("the queue closed")));
    }

    private void startOnce() {
        synchronized (threads) {
            if (!threads.isEmpty() || stopped) {
                return;
            }
            for (int i = 0; i < recorders; i++) {
                Thread thread = new Thread(this::recordWhileOpen, "admission-recorder-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    private void recordWhileOpen() {
        while (!stopped) {
            List<Waiting> batch = new ArrayList<>(batchSize);
            try {
                batch.add(waiting.take());
            } catch (InterruptedException interrupted) {
                return;
            }
            waiting.drainTo(batch, batchSize - 1);
            batchSizes.record(batch.size());
            List<Settled> answers;
            try {
                answers = recordTogether.apply(batch.stream().map(Waiting::pending).toList());
            } catch (RuntimeException failure) {
                LOG.debugf("A batch of %d scans failed (%s); each is recorded alone", batch.size(), failure.getMessage());
                answers = Collections.nCopies(batch.size(), new Settled.Again(String.valueOf(failure.getMessage())));
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
            }
        }
    }
}
