package lu.kulturpass.venue.partner;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
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
        if (!"lu.kulturpass.partner.updated".equals(event.type())) {
            return;
        }
        UUID partnerId = UUID.fromString(event.text("partnerId"));
        Set<String> venueIds = new HashSet<>();
        for (JsonNode node : event.data().path("venues")) {
            String id = node.path("id").asText();
            venueIds.add(id);
            Venue venue = Venue.findById(id);
            if (venue == null) {
                venue = new Venue();
                venue.id = id;
            }
            venue.partnerId = partnerId;
            venue.name = node.path("name").asText();
            venue.persist();
        }
        Venue.delete("partnerId = ?1 and id not in ?2", partnerId, venueIds.isEmpty() ? Set.of("") : venueIds);
        Agreement.delete("partnerId", partnerId);
        Agreement.flush();
        for (JsonNode node : event.data().path("agreements")) {
            Agreement agreement = new Agreement();
            agreement.id = UUID.fromString(node.path("id").asText());
            agreement.partnerId = partnerId;
            agreement.status = node.path("status").asText();
            agreement.benefit = node.hasNonNull("benefit") ? node.get("benefit").asText() : null;
            agreement.priceCents = node.hasNonNull("price") ? node.get("price").decimalValue().movePointRight(2).intValueExact() : null;
            agreement.placesPerEvent = node.hasNonNull("placesPerEvent") ? node.get("placesPerEvent").asInt() : null;
            agreement.acceptedCategories = StreamSupport.stream(node.path("acceptedCategories").spliterator(), false)
                    .map(JsonNode::asText).sorted().collect(Collectors.joining(","));
            agreement.validFrom = LocalDate.parse(node.path("validFrom").asText());
            agreement.validUntil = LocalDate.parse(node.path("validUntil").asText());
            agreement.persist();
        }
    }
}
