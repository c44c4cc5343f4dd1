package lu.kulturpass.core.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/** How long pass-service keeps a pass's personal traces after the pass ends ({@code kulturpass.privacy.*}). */
@ConfigMapping(prefix = "kulturpass.privacy")
public interface PassRetentionConfig {

    /** How long after its end a pass keeps its token, card link and transitions' notes ({@link PassRetention}). */
    @WithDefault("P3Y")
    Period passRetention();

    /** How often the rule runs (a scheduler period, e.g. 6h): the {@code @Scheduled} expression of {@link PassRetention}. */
    @WithDefault("6h")
    String retentionCheck();
}
