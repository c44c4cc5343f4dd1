package lu.kulturpass.core.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import lu.kulturpass.core.card.CardLink;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.events.PassTopic;
import lu.kulturpass.platform.outbox.Outbox;

/**
 * Removes a pass's holder check (the token, which alone holds the initials and birth year), deletes the link that
 * opens its card on a phone, and tells venue-service through the outbox ({@code pass.holder-check-removed} on
 * {@code kulturpass.passes}, keyed by the pass) to blank the tokens it kept of that pass's scans. Used by the erasure
 * ({@link HolderErasure}) and the retention rule ({@link PassRetention}). Counts, categories and validity stay.
 */
@ApplicationScoped
public class HolderCheckRemoval {

    private final Outbox outbox;

    public HolderCheckRemoval(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Returns false (and announces nothing) when the pass's token was removed before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remove(Pass pass, String because, OffsetDateTime at) {
        if (!pass.removeToken(because, at)) {
            return false;
        }
        CardLink.delete("passId", pass.id);
        outbox.record(PassTopic.TOPIC, String.valueOf(pass.id), PassTopic.HolderCheckRemoved.TYPE, PassTopic.HolderCheckRemoved.VERSION,
                new PassTopic.HolderCheckRemoved(pass.id, pass.agencyId, because, pass.validUntil));
        return true;
    }
}
