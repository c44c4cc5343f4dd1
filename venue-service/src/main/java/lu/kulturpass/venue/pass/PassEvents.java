package lu.kulturpass.venue.pass;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import lu.kulturpass.platform.inbox.Inbox;
import lu.kulturpass.venue.admission.Admission;
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
    private static final String PREFIX = "lu.kulturpass.pass.";
    /** pass-service removed the pass's holder check (the holder was erased, or the pass ended long ago). */
    static final String HOLDER_CHECK_REMOVED = PREFIX + "holder-check-removed";

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
        if (!event.type().startsWith(PREFIX)) {
            return;
        }
        long passId = Long.parseLong(event.text("passId"));
        if (HOLDER_CHECK_REMOVED.equals(event.type())) {
            forgetHolderCheck(passId);
            return;
        }
        PassStanding standing = PassStanding.findById(passId);
        if (standing == null) {
            standing = new PassStanding();
            standing.passId = passId;
            standing.status = PassStanding.ACTIVE;
        }
        if ((PREFIX + "issued").equals(event.type())) {
            standing.category = event.text("category");
            standing.groupSize = event.data().path("groupSize").asInt(1);
            standing.status = PassStanding.ACTIVE;
        } else if (event.data().hasNonNull("to")) {
            standing.status = event.text("to");
        }
        if (event.data().hasNonNull("validFrom")) {
            standing.validFrom = LocalDate.parse(event.text("validFrom"));
        }
        if (event.data().hasNonNull("validUntil")) {
            standing.validUntil = LocalDate.parse(event.text("validUntil"));
        }
        if (event.data().hasNonNull("replacedByPassId")) {
            standing.replacedByPassId = event.data().get("replacedByPassId").asLong();
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
        return Admission.update("token = null where passId = ?1 and token is not null", passId);
    }
}
