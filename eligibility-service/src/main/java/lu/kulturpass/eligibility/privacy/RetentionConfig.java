package lu.kulturpass.eligibility.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/** How long personal data is kept after an enrolment ends ({@code kulturpass.privacy.*}). */
@ConfigMapping(prefix = "kulturpass.privacy")
public interface RetentionConfig {

    /** After this, {@link Retention} anonymises the people of an ended enrolment. */
    @WithDefault("P3Y")
    Period retention();

    /** How often the rule runs (a scheduler period, e.g. 6h): the {@code @Scheduled} expression of {@link Retention}. */
    @WithDefault("6h")
    String retentionCheck();
}
