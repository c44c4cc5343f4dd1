package lu.kulturpass.eligibility.importing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How {@link CsvImport} works through a file ({@code kulturpass.import.*}). */
@ConfigMapping(prefix = "kulturpass.import")
public interface ImportConfig {

    /** How many rows are approved at once (each asks pass-service for its passes). */
    @WithDefault("4")
    int threads();
}
