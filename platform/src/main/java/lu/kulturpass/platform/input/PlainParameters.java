package lu.kulturpass.platform.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import lu.kulturpass.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Query and path parameters hold plain text, as request bodies do ({@link PlainText}): a NUL in an address is a 400. */
public class PlainParameters {

    @ServerRequestFilter
    public Response refuseControlCharacters(ContainerRequestContext request) {
        refuse(request.getUriInfo().getQueryParameters(), "parameter");
        refuse(request.getUriInfo().getPathParameters(), "part of the address");
        return null;
    }

    private static void refuse(MultivaluedMap<String, String> parameters, String what) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PlainText.isPlain(parameter.getKey()) || !parameter.getValue().stream().allMatch(PlainText::isPlain)) {
                throw ProblemException.badRequest("The " + what + " '" + printable(parameter.getKey())
                        + "' must not hold control characters (such as NUL)");
            }
        }
    }

    private static String printable(String name) {
        return name.codePoints().filter(c -> c >= 0x20 && c != 0x7f).limit(40)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
