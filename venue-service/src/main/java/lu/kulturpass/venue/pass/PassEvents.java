package lu.kulturpass.venue.pass;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import lu.kulturpass.events.PassTopic;
import lu.kulturpass.platform.inbox.Inbox;
import lu.kulturpass.venue.admission.Admissions;
import lu.kulturpass.platform.inbox.InboxFeed;
import lu.kulturpass.platform.inbox.IncomingEvent;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the local copy of pass standing from pass-service's pass events ({@code kulturpass.passes},
 * keyed by pass id, so one pass's events arrive in order). Idempotent through the inbox: a redelivered
 * event changes nothing. A suspended, revoked or replaced pass is refused at the door from then on.
 */
@ApplicationScoped
public class PassEvents {

    static final String CONSUMER = "pass-standing";

    private final Inbox inbox;
    private final ProgrammeCalendar calendar;

    public PassEvents(Inbox inbox, ProgrammeCalendar calendar) {
        this.inbox = inbox;
        this.calendar = calendar;
    }

    /** This consumer, for replaying the channel's dead letters ({@code POST /dead-letters/passes/replay}). */
    @Produces
    InboxFeed feed() {
        return new InboxFeed("passes", CONSUMER, this::apply);
    }

    @Incoming("passes")
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        return inbox.apply(CONSUMER, message, this::apply);
    }

    void apply(IncomingEvent event) {
        if (!event.type().startsWith(PassTopic.PREFIX)) {
            return;
        }
        if (PassTopic.HolderCheckRemoved.TYPE.equals(event.type())) {
            forgetHolderCheck(event.data(PassTopic.HolderCheckRemoved.class).passId());
            return;
        }
        if (PassTopic.Issued.TYPE.equals(event.type())) {
            PassTopic.Issued issued = event.data(PassTopic.Issued.class);
            PassStanding standing = standing(issued.passId());
            standing.category = issued.category();
            standing.groupSize = issued.people();
            standing.status = PassStanding.ACTIVE;
            save(standing, issued.validFrom(), issued.validUntil(), null);
            return;
        }
        // a move in the pass's lifecycle (suspended, revoked, ...; one this version does not know is read the same way)
        PassTopic.StatusChanged moved = event.data(PassTopic.StatusChanged.class);
        PassStanding standing = standing(moved.passId());
        if (moved.to() != null) {
            standing.status = moved.to();
        }
        save(standing, moved.validFrom(), moved.validUntil(), moved.replacedByPassId());
    }

    private static PassStanding standing(long passId) {
        PassStanding standing = PassStanding.findById(passId);
        if (standing == null) {
            standing = new PassStanding();
            standing.passId = passId;
            standing.status = PassStanding.ACTIVE;
        }
        return standing;
    }

    private void save(PassStanding standing, LocalDate validFrom, LocalDate validUntil, Long replacedByPassId) {
        if (validFrom != null) {
            standing.validFrom = validFrom;
        }
        if (validUntil != null) {
            standing.validUntil = validUntil;
        }
        if (replacedByPassId != null) {
            standing.replacedByPassId = replacedByPassId;
        }
        standing.changedAt = calendar.nowUtc();
        standing.persist();
    }

    /**
     * The tokens of this pass's scans go (they hold the holder's initials and birth year); the scans stay, with their
     * outcome, category, places and times: a retried nonce or the recent list then shows the pass by its number, and
     * the admissions counted are the same. The standing is left as pass-service announced it (an erased holder's
     * pass was revoked just before). Changes nothing the second time.
     */
    static int forgetHolderCheck(long passId) {
        return Admissions.forgetHolderCheck(passId);
    }
}
