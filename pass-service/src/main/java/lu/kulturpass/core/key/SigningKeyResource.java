package lu.kulturpass.core.key;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public keys that verify pass tokens. Public by nature: anyone may check a card. */
@Path("/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyResource {

    private final SigningKeys keys;

    public SigningKeyResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @PermitAll
    @Operation(summary = "Public keys currently valid for verifying pass tokens, by key id")
    public List<SigningKeys.SigningKeyView> valid() {
        return keys.valid();
    }
}
