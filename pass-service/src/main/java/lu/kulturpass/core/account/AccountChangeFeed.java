package lu.kulturpass.core.account;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import lu.kulturpass.events.AccountChange;
import lu.kulturpass.platform.inbox.IncomingEvent;
import lu.kulturpass.platform.inbox.Inbox;
import lu.kulturpass.platform.inbox.InboxFeed;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The record of staff account changes made in any service (topic {@code kulturpass.accounts}), kept in
 * {@code account_change} for programme staff and for a partner's own managers. Each event is applied once ({@link Inbox}).
 */
@ApplicationScoped
public class AccountChangeFeed {

    static final String CONSUMER = "account-changes";

    private final Inbox inbox;
    private final EntityManager entityManager;

    public AccountChangeFeed(Inbox inbox, EntityManager entityManager) {
        this.inbox = inbox;
        this.entityManager = entityManager;
    }

    /** The feed as the dead-letter replay applies it ({@code POST /dead-letters/accounts/replay}). */
    @Produces
    InboxFeed accountsFeed() {
        return new InboxFeed("accounts", CONSUMER, this::apply);
    }

    @Incoming("accounts")
    @Blocking
    public CompletionStage<Void> changes(KafkaRecordBatch<String, String> events) {
        return inbox.applyAll(CONSUMER, events, this::apply);
    }

    void apply(IncomingEvent event) {
        if (!AccountChange.TYPE.equals(event.type())) {
            return;
        }
        AccountChange change = event.data(AccountChange.class);
        entityManager.createNativeQuery("""
                        insert into account_change (event_id, account_id, username, action, role, partner_id, actor_id,
                                                    actor_username, actor_role, changed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (event_id) do nothing""")
                .setParameter(1, UUID.fromString(event.id()))
                .setParameter(2, change.accountId())
                .setParameter(3, change.username())
                .setParameter(4, change.action().name())
                .setParameter(5, change.role())
                .setParameter(6, change.partnerId())
                .setParameter(7, change.actorId())
                .setParameter(8, change.actorUsername())
                .setParameter(9, change.actorRole())
                .setParameter(10, change.at())
                .executeUpdate();
    }
}
