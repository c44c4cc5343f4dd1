package lu.kulturpass.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import lu.kulturpass.platform.fault.TransientFaults;
import org.jboss.logging.Logger;

/**
 * How the {@link Inbox} waits out a fault of the infrastructure ({@link TransientFaults}): the same attempt again after
 * 200 ms, doubling to 10 s ({@code kulturpass.inbox.retry.initial-delay}, {@code .max-delay}), for as long as it
 * lasts, a warning every 30 s; and how it confirms that a failure is the event's own (the database answers, and the
 * event fails once more).
 */
@ApplicationScoped
class Patience {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /** How often a consumer still waiting for the infrastructure says so. */
    private static final long STILL_WAITING_LOG_MILLIS = 30_000;

    private final EntityManager entityManager;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private volatile boolean stopping;

    public Patience(EntityManager entityManager, InboxRetry retry) {
        this.entityManager = entityManager;
        this.initialDelay = retry.initialDelay();
        this.maxDelay = retry.maxDelay();
    }

    void stopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * Runs {@code attempt} until it succeeds (null) or fails otherwise than by a fault of the infrastructure (that
     * failure). A transient fault waits (backoff) and tries again, however long it lasts. With {@code confirm}, a
     * failure that does not look transient is confirmed before it is returned: the database must answer, then the
     * attempt is made once more (an event that failed because of the outage is then applied); only a second
     * failure is returned. Throws {@link Stopping} when the application stops meanwhile.
     */
    RuntimeException untilApplied(String consumer, String what, boolean confirm, Runnable attempt) {
        long delay = Math.max(1, initialDelay.toMillis());
        long waitingSince = 0;
        long lastSaid = 0;
        boolean confirming = false;
        while (true) {
            try {
                attempt.run();
                if (waitingSince != 0) {
                    LOG.infof("%s: %s applied after waiting %d ms for the infrastructure", consumer, what,
                            System.currentTimeMillis() - waitingSince);
                }
                return null;
            } catch (RuntimeException failure) {
                Throwable fault = TransientFaults.transientCause(failure);
                if (fault == null) {
                    if (!confirm || confirming) {
                        return failure; // not the infrastructure's fault (confirming: it failed again, the database answering)
                    }
                    if (databaseAnswers()) {
                        confirming = true; // the database answers: once more, then it is the event's fault
                        continue;
                    }
                }
                confirming = false;
                long now = System.currentTimeMillis();
                if (waitingSince == 0) {
                    waitingSince = now;
                }
                if (now - lastSaid >= STILL_WAITING_LOG_MILLIS) {
                    lastSaid = now;
                    LOG.warnf("%s: %s waits for the infrastructure (%s), trying again in %d ms; nothing is skipped", consumer, what,
                            fault == null ? "the database does not answer" : fault.toString(), delay);
                }
                pause(delay);
                delay = Math.min(delay * 2, Math.max(1, maxDelay.toMillis()));
            }
        }
    }

    /** True when the database answers a trivial query. */
    private boolean databaseAnswers() {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("select 1").getSingleResult());
            return true;
        } catch (RuntimeException away) {
            return false;
        }
    }

    private void pause(long millis) {
        long until = System.currentTimeMillis() + millis;
        while (!stopping) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(left, 100));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new Stopping();
            }
        }
        throw new Stopping();
    }

    /** The application stops while a consumer waits: its events stay unacknowledged, to be delivered again. */
    static final class Stopping extends RuntimeException {
        Stopping() {
            super("the application is stopping", null, false, false);
        }
    }
}
