package lu.kulturpass.core.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.time.ProgrammeCalendar;

/**
 * Every change to a partner or its agreements goes through here: it is kept in the history, and the
 * partner's latest state (venues and agreements, no contact persons) is published on the compacted
 * partner topic through the outbox, so venue-service and eligibility-service keep local copies.
 */
@ApplicationScoped
public class PartnerChanges {

    public static final String TOPIC = "kulturpass.partners";

    /** The latest state of a partner, as other services learn it. */
    public record PartnerSnapshot(UUID partnerId, PartnerKind kind, String name, List<PartnerResource.VenueView> venues,
                                  List<AgreementView> agreements) {
        static PartnerSnapshot of(Partner partner) {
            return new PartnerSnapshot(partner.id, partner.kind, partner.name,
                    partner.venues.stream().map(v -> new PartnerResource.VenueView(v.id, v.name)).toList(),
                    partner.agreements.stream().map(a -> AgreementView.of(a).withoutContact()).toList());
        }
    }

    private final Outbox outbox;
    private final ObjectMapper json;
    private final ProgrammeCalendar calendar;

    public PartnerChanges(Outbox outbox, ObjectMapper json, ProgrammeCalendar calendar) {
        this.outbox = outbox;
        this.json = json;
        this.calendar = calendar;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Partner partner, UUID agreementId, String action, String actor, Object before, Object after) {
        PartnerChange change = new PartnerChange();
        change.partnerId = partner.id;
        change.agreementId = agreementId;
        change.action = action;
        change.actor = actor;
        change.at = calendar.nowUtc();
        change.before = write(before);
        change.after = write(after);
        change.persist();
        outbox.record(TOPIC, partner.id.toString(), "lu.kulturpass.partner.updated", 1, PartnerSnapshot.of(partner));
    }

    private String write(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("state cannot be written as JSON", e);
        }
    }
}
