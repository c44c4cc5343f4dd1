package lu.kulturpass.platform.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.problem.ProblemWords;
import lu.kulturpass.platform.words.Words;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Query and path parameters hold plain text, as request bodies do ({@link PlainText}): a NUL in an address is a 400. */
public class PlainParameters {

    @ServerRequestFilter
    public Response refuseControlCharacters(ContainerRequestContext request) {
        refuse(request.getUriInfo().getQueryParameters(), ProblemWords::problemParameterNotPlain);
        refuse(request.getUriInfo().getPathParameters(), ProblemWords::problemAddressPartNotPlain);
        return null;
    }

    private static void refuse(MultivaluedMap<String, String> parameters, BiFunction<ProblemWords, String, String> refusal) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PlainText.isPlain(parameter.getKey()) || !parameter.getValue().stream().allMatch(PlainText::isPlain)) {
                throw ProblemException.badRequest(refusal.apply(Words.of(ProblemWords.class), printable(parameter.getKey())));
            }
        }
    }

    private static String printable(String name) {
        return name.codePoints().filter(c -> c >= 0x20 && c != 0x7f).limit(40)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
