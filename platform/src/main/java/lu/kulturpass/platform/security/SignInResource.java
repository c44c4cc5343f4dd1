package lu.kulturpass.platform.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where a page sends a person to sign in: {@code GET /signin?to=/audit/}. It needs an authenticated caller, so a
 * browser without a session goes through the provider's sign-in (Quarkus OIDC's authorization-code flow in hybrid
 * mode) and comes back here; then it sends the person on to the page. Only a path of this site is followed
 * ({@code /audit/#/report}); anything else ({@code //evil.example}, {@code https://…}) goes to {@code /}, so the
 * link cannot send a signed-in person to another site.
 */
@Path("/signin")
public class SignInResource {

    @GET
    @Authenticated
    @Operation(summary = "Signs the person in (the provider's sign-in when they have no session), then sends them to a page of this site")
    public Response signIn(@QueryParam("to") String to) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, localPath(to))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The path if it is a path of this site ({@code /…}, not {@code //host} nor {@code /\host}), else {@code /}. */
    static String localPath(String to) {
        if (to == null || !to.startsWith("/") || to.startsWith("//") || to.indexOf('\\') >= 0
                || to.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        try {
            URI uri = new URI(to);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? to : "/";
        } catch (URISyntaxException notAPath) {
            return "/";
        }
    }
}
