package lu.kulturpass.core.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When {@link Anomalies} reports a finding ({@code kulturpass.audit.*}). */
@ConfigMapping(prefix = "kulturpass.audit")
public interface AnomalyThresholds {

    /** The fastest plausible travel between two venues, in km/h. */
    @WithDefault("80")
    double maxSpeedKmh();

    /** Two venues whose location is unknown: admissions of one pass at both within this many minutes. */
    @WithDefault("15")
    int quickSuccessionMinutes();

    /** The fewest refusals in a day that can make a spike. */
    @WithDefault("10")
    int refusalSpikeMinimum();

    /** How many times a venue's usual refusals make a spike. */
    @WithDefault("3")
    double refusalSpikeFactor();
}
