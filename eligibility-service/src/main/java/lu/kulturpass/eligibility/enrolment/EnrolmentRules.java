package lu.kulturpass.eligibility.enrolment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/** The programme's rules that change over time, as configuration. */
@ConfigMapping(prefix = "kulturpass.enrolment")
public interface EnrolmentRules {

    /** How long an approval holds (the Kulturpass: two years, was one). */
    @WithDefault("P2Y")
    Period validity();

    /** How long before the end an enrolment shows as due for renewal. */
    @WithDefault("P60D")
    Period renewalNotice();

    /** How often approved enrolments past their end are moved to EXPIRED (a scheduler period, e.g. 1h: {@link Renewals}' {@code @Scheduled}). */
    @WithDefault("1h")
    String expiryCheck();
}
