package lu.kulturpass.venue.device;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Where door devices reach venue-service ({@code kulturpass.venue.*}): the base of the pairing address. */
@ConfigMapping(prefix = "kulturpass.venue")
public interface VenueAddress {

    /** e.g. {@code https://venue.example}; by default the address the venue page was served from. */
    Optional<String> publicUrl();
}
