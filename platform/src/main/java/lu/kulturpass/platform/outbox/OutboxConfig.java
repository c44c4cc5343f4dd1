package lu.kulturpass.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the {@link OutboxRelay} sends and how often {@link OutboxBacklog} looks ({@code kulturpass.outbox.*}). */
@ConfigMapping(prefix = "kulturpass.outbox")
public interface OutboxConfig {

    /** Rows read and sent in one go. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker's acknowledgement of a row, in milliseconds. */
    @WithDefault("10000")
    long ackTimeoutMs();

    /** The shortest time between two runs, in milliseconds: the commits of that time go in one run. */
    @WithDefault("10")
    long gapMs();

    /** How often the relay runs besides after each commit (a scheduler period: {@link OutboxRelay}'s {@code @Scheduled}). */
    @WithDefault("1s")
    String pollInterval();

    /** How often the backlog's metrics are read (a scheduler period: {@link OutboxBacklog}'s {@code @Scheduled}). */
    @WithDefault("5s")
    String backlogCheck();
}
