package lu.kulturpass.core.privacy;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.core.pass.PassLifecycle;
import lu.kulturpass.core.pass.Transition;
import lu.kulturpass.core.pass.TransitionReason;
import lu.kulturpass.events.EnrolmentTopic;
import lu.kulturpass.platform.inbox.Inbox;
import lu.kulturpass.platform.inbox.InboxFeed;
import lu.kulturpass.platform.inbox.IncomingEvent;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * GDPR art. 17 beyond eligibility-service: when eligibility announces {@code enrolment.erased} for a beneficiary, every
 * pass issued to them (the holder reference is their pseudonymous id; a replacement keeps it) loses its holder check.
 * A pass that still admits is revoked first (reason {@code HOLDER_ERASED}: its card could no longer be matched to an
 * ID, and nobody could print it again), so the revocation list and venue-service's copy refuse it; then its token
 * goes ({@link HolderCheckRemoval}), and venue-service blanks the tokens of that pass's scans. Statistics are left
 * as they are: they never held the token. Idempotent through the inbox, and a second erasure finds nothing to remove.
 */
@ApplicationScoped
public class HolderErasure {

    static final String CONSUMER = "holder-erasure";
    static final String ACTOR = "system:erasure";

    private final Inbox inbox;
    private final PassLifecycle lifecycle;
    private final HolderCheckRemoval removal;
    private final ProgrammeCalendar calendar;

    public HolderErasure(Inbox inbox, PassLifecycle lifecycle, HolderCheckRemoval removal, ProgrammeCalendar calendar) {
        this.calendar = calendar;
        this.inbox = inbox;
        this.lifecycle = lifecycle;
        this.removal = removal;
    }

    /** This consumer, for replaying its dead letters ({@code POST /dead-letters/erasures/replay}). */
    @Produces
    InboxFeed feed() {
        return new InboxFeed("erasures", CONSUMER, this::apply);
    }

    @Incoming("erasures")
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        return inbox.apply(CONSUMER, message, this::apply);
    }

    void apply(IncomingEvent event) {
        if (!EnrolmentTopic.Changed.ERASED.equals(event.type())) {
            return;
        }
        EnrolmentTopic.Changed erased = event.data(EnrolmentTopic.Changed.class);
        Set<Long> passIds = new LinkedHashSet<>(Pass.<Pass>list("holderRef = ?1 and agencyId = ?2 order by id",
                erased.beneficiaryId().toString(), erased.agencyId()).stream().map(pass -> pass.id).toList());
        if (erased.passId() != null) {
            passIds.add(erased.passId());
        }
        OffsetDateTime now = calendar.nowUtc();
        for (long passId : passIds) {
            Pass pass = Pass.findById(passId);
            if (pass == null || !pass.agencyId.equals(erased.agencyId())) {
                continue;
            }
            if (Transition.REVOKE.allowedFrom(pass.status)) {
                lifecycle.apply(passId, Transition.REVOKE, TransitionReason.HOLDER_ERASED, null, ACTOR, p -> { });
            }
            removal.remove(Pass.findById(passId), Pass.HOLDER_ERASED, now);
        }
    }
}
