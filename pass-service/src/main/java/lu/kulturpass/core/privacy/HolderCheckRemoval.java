package lu.kulturpass.core.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import lu.kulturpass.core.card.CardLink;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.core.pass.PassIssuer;
import lu.kulturpass.platform.outbox.Outbox;

/**
 * Removes a pass's holder check (the token, which alone holds the initials and birth year), deletes the link that
 * opens its card on a phone, and tells venue-service through the outbox ({@code pass.holder-check-removed} on
 * {@code kulturpass.passes}, keyed by the pass) to blank the tokens it kept of that pass's scans. Used by the erasure
 * ({@link HolderErasure}) and the retention rule ({@link PassRetention}). Counts, categories and validity stay.
 */
@ApplicationScoped
public class HolderCheckRemoval {

    public static final String TYPE = "lu.kulturpass.pass.holder-check-removed";

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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("passId", pass.id);
        data.put("agencyId", pass.agencyId);
        data.put("because", because);
        data.put("validUntil", pass.validUntil.toString());
        outbox.record(PassIssuer.TOPIC, String.valueOf(pass.id), TYPE, 1, data);
        return true;
    }
}
