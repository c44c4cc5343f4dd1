package lu.kulturpass.platform.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Who is signed in, for the pages' header and for telling a person what their account is for. Served by every
 * service. Nothing else about the person: no e-mail, no token.
 */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class SignedInResource {

    private static final List<String> KULTURPASS_ROLES =
            List.of(Roles.PROGRAMME_STAFF, Roles.AGENCY_STAFF, Roles.AGENCY_LEAD, Roles.BOX_OFFICE, Roles.VENUE_MANAGER);

    /** The user's name at sign-in, their full name when the token has one, their Kulturpass roles and the partner they belong to. */
    public record SignedIn(String user, String name, List<String> roles, String partnerId) {
    }

    private final Caller caller;
    private final JsonWebToken token;

    public SignedInResource(Caller caller, JsonWebToken token) {
        this.caller = caller;
        this.token = token;
    }

    @GET
    @Authenticated
    @Operation(summary = "Who is signed in: user name, full name, Kulturpass roles, partner")
    public SignedIn me() {
        return new SignedIn(caller.username(), claim("name"), KULTURPASS_ROLES.stream().filter(caller::hasRole).toList(), caller.partner().orElse(null));
    }

    /** A text claim of the token, null when absent or blank. */
    private String claim(String name) {
        Object value = token.getClaim(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
