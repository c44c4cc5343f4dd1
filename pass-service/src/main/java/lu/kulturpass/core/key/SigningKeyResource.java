package lu.kulturpass.core.key;

import lu.kulturpass.core.pass.PassWords;
import lu.kulturpass.platform.words.Words;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public keys that verify pass tokens (public: anyone may check a card), and their rotation. */
@Path("/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyResource {

    /** {@code activatesAt}: when the new key starts signing; default: after the configured delay. */
    public record Rotation(OffsetDateTime activatesAt) {
    }

    private final SigningKeys keys;
    private final Caller caller;
    private final ObjectMapper json;

    public SigningKeyResource(SigningKeys keys, Caller caller, ObjectMapper json) {
        this.keys = keys;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @PermitAll
    @Operation(summary = "Public keys currently valid for verifying pass tokens, by key id; which one signs")
    public List<SigningKeys.SigningKeyView> valid() {
        return keys.valid();
    }

    @POST
    @Path("/rotation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.PROGRAMME_STAFF)
    @Operation(summary = "Make a new signing key: verifiers learn it now, it signs from activatesAt on",
            description = "Tokens signed with earlier keys stay valid until those keys are retired.")
    public SigningKeys.SigningKeyView rotate(String body) {
        Rotation rotation = null;
        if (body != null && !body.isBlank()) {
            try {
                rotation = json.readValue(body, Rotation.class);
            } catch (JsonProcessingException e) {
                throw ProblemException.unreadable(Words.of(PassWords.class).rotationBody(), e);
            }
        }
        return keys.rotate(rotation == null ? null : rotation.activatesAt(), caller.userId());
    }

    @POST
    @Path("/{keyId}/retirement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.PROGRAMME_STAFF)
    @Operation(summary = "Retire a key (e.g. compromised): tokens it signed are refused from now on",
            description = "The key signing new passes cannot be retired: rotate first.")
    public SigningKeys.SigningKeyView retire(@PathParam("keyId") int keyId) {
        return keys.retire(keyId, caller.userId());
    }
}
