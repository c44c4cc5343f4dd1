package lu.kulturpass.core.statistics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The published figures' settings ({@code kulturpass.statistics.*}). */
@ConfigMapping(prefix = "kulturpass.statistics")
public interface StatisticsConfig {

    /** The smallest number of people a published cell of the programme's breakdowns may count. */
    @WithDefault("5")
    int smallestCell();
}
