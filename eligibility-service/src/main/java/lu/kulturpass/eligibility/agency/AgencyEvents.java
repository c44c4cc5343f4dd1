package lu.kulturpass.eligibility.agency;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.CompletionStage;
import lu.kulturpass.events.PartnerTopic;
import lu.kulturpass.platform.inbox.Inbox;
import lu.kulturpass.platform.inbox.InboxFeed;
import lu.kulturpass.platform.inbox.IncomingEvent;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the local copy of agencies (social partners) and their agreements: each partner event carries
 * the partner's whole latest state, which replaces what was known. Cultural partners are ignored.
 * Replaying the compacted topic rebuilds the copy.
 */
@ApplicationScoped
public class AgencyEvents {

    static final String CONSUMER = "agency-copy";

    private final Inbox inbox;
    private final ProgrammeCalendar calendar;

    public AgencyEvents(Inbox inbox, ProgrammeCalendar calendar) {
        this.inbox = inbox;
        this.calendar = calendar;
    }

    /** This consumer, for replaying the channel's dead letters ({@code POST /dead-letters/partners/replay}). */
    @Produces
    InboxFeed feed() {
        return new InboxFeed("partners", CONSUMER, this::apply);
    }

    @Incoming("partners")
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        return inbox.apply(CONSUMER, message, this::apply);
    }

    void apply(IncomingEvent event) {
        if (!PartnerTopic.Updated.TYPE.equals(event.type())) {
            return;
        }
        PartnerTopic.Updated partner = event.data(PartnerTopic.Updated.class);
        if (!"SOCIAL".equals(partner.kind())) {
            return;
        }
        String agencyId = partner.partnerId().toString();
        Agency agency = Agency.findById(agencyId);
        if (agency == null) {
            agency = new Agency();
            agency.id = agencyId;
        }
        agency.name = partner.name() == null ? "" : partner.name();
        agency.updatedAt = calendar.nowUtc();
        agency.persist();
        AgencyAgreement.delete("agencyId", agencyId);
        AgencyAgreement.flush();
        for (PartnerTopic.Agreement known : partner.agreements()) {
            AgencyAgreement agreement = new AgencyAgreement();
            agreement.id = known.id();
            agreement.agencyId = agencyId;
            agreement.status = known.status();
            agreement.validFrom = known.validFrom();
            agreement.validUntil = known.validUntil();
            agreement.persist();
        }
    }
}
