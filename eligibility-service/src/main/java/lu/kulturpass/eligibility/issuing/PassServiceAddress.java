package lu.kulturpass.eligibility.issuing;

import io.smallrye.config.ConfigMapping;

/** Where browsers reach pass-service ({@code kulturpass.pass-service.*}): the base of the QR codes' links. */
@ConfigMapping(prefix = "kulturpass.pass-service")
public interface PassServiceAddress {

    /** Pass-service's address as browsers see it (the REST client's by default, in application.properties). */
    String publicUrl();
}
