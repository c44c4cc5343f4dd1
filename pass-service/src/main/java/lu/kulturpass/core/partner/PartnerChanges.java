package lu.kulturpass.core.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import lu.kulturpass.events.PartnerTopic;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.time.ProgrammeCalendar;

/**
 * Every change to a partner or its agreements goes through here: it is kept in the history, and the
 * partner's latest state (venues and agreements, no contact persons) is published on the compacted
 * partner topic through the outbox, so venue-service and eligibility-service keep local copies.
 */
@ApplicationScoped
public class PartnerChanges {

    /** The latest state of a partner, as other services learn it: its venues and agreements, no contact person. */
    static PartnerTopic.Updated snapshot(Partner partner) {
        return new PartnerTopic.Updated(partner.id, partner.kind.name(), partner.name,
                partner.venues.stream().map(v -> new PartnerTopic.Venue(v.id.toString(), v.name)).toList(),
                partner.agreements.stream().map(a -> agreement(AgreementView.of(a))).toList());
    }

    private static PartnerTopic.Agreement agreement(AgreementView a) {
        return new PartnerTopic.Agreement(a.id(), a.partnerId(), name(a.status()), name(a.benefit()), a.price(), a.currency(),
                a.placesPerEvent(), a.acceptedCategories() == null ? null : a.acceptedCategories().stream().map(Enum::name).toList(),
                a.validFrom(), a.validUntil(), a.signedOn(), a.renewedFrom());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
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
        outbox.record(PartnerTopic.TOPIC, partner.id.toString(), PartnerTopic.Updated.TYPE, PartnerTopic.Updated.VERSION,
                snapshot(partner));
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
