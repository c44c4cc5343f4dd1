package lu.kulturpass.venue.key;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.event.Event;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletionStage;
import lu.kulturpass.events.SigningKeyTopic;
import lu.kulturpass.platform.inbox.Inbox;
import lu.kulturpass.platform.inbox.InboxFeed;
import lu.kulturpass.platform.inbox.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the local copy of pass-service's public keys, from its signing-key events (activated, retired). */
@ApplicationScoped
public class SigningKeyEvents {

    static final String CONSUMER = "verification-keys";

    private final Inbox inbox;
    private final Event<VerificationKeys.Changed> changed;

    public SigningKeyEvents(Inbox inbox, Event<VerificationKeys.Changed> changed) {
        this.inbox = inbox;
        this.changed = changed;
    }

    /** This consumer, for replaying the channel's dead letters ({@code POST /dead-letters/signing-keys/replay}). */
    @Produces
    InboxFeed feed() {
        return new InboxFeed("signing-keys", CONSUMER, this::apply);
    }

    @Incoming("signing-keys")
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        return inbox.apply(CONSUMER, message, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (SigningKeyTopic.Retired.TYPE.equals(event.type())) {
            VerificationKey.deleteById(event.data(SigningKeyTopic.Retired.class).keyId());
            changed.fire(new VerificationKeys.Changed());
            return;
        }
        if (!SigningKeyTopic.Activated.TYPE.equals(event.type())) {
            return;
        }
        SigningKeyTopic.Activated activated = event.data(SigningKeyTopic.Activated.class);
        VerificationKey key = VerificationKey.findById(activated.keyId());
        if (key == null) {
            key = new VerificationKey();
            key.keyId = activated.keyId();
        }
        key.publicKey = activated.publicKey();
        key.activatedAt = OffsetDateTime.parse(activated.activatedAt());
        key.persist();
        changed.fire(new VerificationKeys.Changed());
    }
}
