package lu.kulturpass.venue.device;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import lu.kulturpass.platform.problem.Problem;
import lu.kulturpass.platform.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A refused device cookie: 401 problem+json saying what happened and what to do, and the cookie taken away. Any other
 * failed authentication is answered as everywhere else ({@link ProblemMappers}).
 */
public class DevicePairingRefusedMapper {

    /** The problem type the scanner page recognises to say the pairing ended. */
    static final String TYPE = "https://kulturpass.lu/problems/device-pairing-refused";

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response refused(AuthenticationFailedException e, UriInfo uri) {
        if (!(e.getCause() instanceof DevicePairingRefused refused)) {
            return new ProblemMappers().badCredentials(e, uri);
        }
        Problem problem = new Problem(TYPE, "Device not paired", 401, refused.sentence(), uri == null ? null : uri.getPath(), null);
        return Response.status(401).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.SET_COOKIE, DeviceCookie.clearing(refused.https()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
