package lu.kulturpass.venue.partner;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import lu.kulturpass.events.PartnerTopic;
import lu.kulturpass.platform.inbox.Inbox;
import lu.kulturpass.platform.inbox.InboxFeed;
import lu.kulturpass.platform.inbox.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the local copy of partners: each event carries the partner's whole latest state (venues and
 * agreements), which replaces what was known. Replaying the compacted topic rebuilds the copy.
 */
@ApplicationScoped
public class PartnerEvents {

    static final String CONSUMER = "partner-copy";

    private final Inbox inbox;

    public PartnerEvents(Inbox inbox) {
        this.inbox = inbox;
    }

    /** This consumer, for replaying the channel's dead letters ({@code POST /dead-letters/partners/replay}). */
    @Produces
    InboxFeed feed() {
        return new InboxFeed("partners", CONSUMER, PartnerEvents::apply);
    }

    @Incoming("partners")
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        return inbox.apply(CONSUMER, message, PartnerEvents::apply);
    }

    static void apply(IncomingEvent event) {
        if (!PartnerTopic.Updated.TYPE.equals(event.type())) {
            return;
        }
        PartnerTopic.Updated partner = event.data(PartnerTopic.Updated.class);
        UUID partnerId = partner.partnerId();
        Set<String> venueIds = new HashSet<>();
        for (PartnerTopic.Venue known : partner.venues()) {
            String id = known.id();
            venueIds.add(id);
            Venue venue = Venue.findById(id);
            if (venue == null) {
                venue = new Venue();
                venue.id = id;
            }
            venue.partnerId = partnerId;
            venue.name = known.name();
            venue.persist();
        }
        Venue.delete("partnerId = ?1 and id not in ?2", partnerId, venueIds.isEmpty() ? Set.of("") : venueIds);
        Agreement.delete("partnerId", partnerId);
        Agreement.flush();
        for (PartnerTopic.Agreement known : partner.agreements()) {
            Agreement agreement = new Agreement();
            agreement.id = known.id();
            agreement.partnerId = partnerId;
            agreement.status = known.status();
            agreement.benefit = known.benefit();
            agreement.priceCents = known.price() == null ? null : known.price().movePointRight(2).intValueExact();
            agreement.placesPerEvent = known.placesPerEvent();
            agreement.acceptedCategories = known.acceptedCategories().stream().sorted().collect(Collectors.joining(","));
            agreement.validFrom = known.validFrom();
            agreement.validUntil = known.validUntil();
            agreement.persist();
        }
    }
}
