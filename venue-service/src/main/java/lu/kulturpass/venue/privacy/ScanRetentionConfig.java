package lu.kulturpass.venue.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/** How long venue-service keeps a scan's personal traces after its pass ends ({@code kulturpass.privacy.*}). */
@ConfigMapping(prefix = "kulturpass.privacy")
public interface ScanRetentionConfig {

    /** After this, {@link ScanRetention} pseudonymises the scans of an ended pass. */
    @WithDefault("P3Y")
    Period scanRetention();

    /** How often the rule runs (a scheduler period, e.g. 6h): the {@code @Scheduled} expression of {@link ScanRetention}. */
    @WithDefault("6h")
    String retentionCheck();
}
