package lu.kulturpass.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a consumer waits before trying an event again while the infrastructure is down ({@code kulturpass.inbox.retry.*}). */
@ConfigMapping(prefix = "kulturpass.inbox.retry")
public interface InboxRetry {

    /** The first wait, doubled at each attempt. */
    @WithDefault("PT0.2S")
    Duration initialDelay();

    /** The longest wait. */
    @WithDefault("PT10S")
    Duration maxDelay();
}
