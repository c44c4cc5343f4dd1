package lu.kulturpass.core.card;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of printed cards and mobile card links ({@code kulturpass.card.*}). */
@ConfigMapping(prefix = "kulturpass.card")
public interface CardConfig {

    /** The name printed in the card's band and shown on the mobile page. */
    @WithDefault("Kulturpass")
    String programmeName();

    /** Where beneficiaries' phones reach this service: the base of mobile card links. */
    @WithDefault("http://localhost:8081")
    String publicUrl();
}
