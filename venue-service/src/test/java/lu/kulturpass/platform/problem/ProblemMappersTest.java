package lu.kulturpass.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Runs in a service (here venue-service): the refusals are said from the catalogues of words, which need the application. */
@QuarkusTest
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();
    /** A request address, as the REST layer gives the mappers. */
    private static final UriInfo AT = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
            (proxy, method, args) -> "getPath".equals(method.getName()) ? "/statistics/programme" : null);

    @Test
    void aDatabaseThatCannotBeReachedIs503WithRetryAfterNot500() {
        Response response = mappers.unexpected(new PersistenceException("could not prepare",
                new SQLException("Connection to localhost:5432 refused", "08001")), AT);
        assertEquals(503, response.getStatus());
        assertEquals("2", response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(503, ((Problem) response.getEntity()).status());
        assertEquals("/statistics/programme", ((Problem) response.getEntity()).instance());
    }

    @Test
    void anyOtherUnexpectedFailureIsStill500() {
        Response response = mappers.unexpected(new IllegalStateException("a bug"), AT);
        assertEquals(500, response.getStatus());
        assertEquals(null, response.getHeaderString("Retry-After"));
    }

    @Test
    void aCredentialThatCouldNotBeCheckedForWantOfTheDatabaseIs503NotASignIn() {
        assertEquals(503, mappers.badCredentials(new AuthenticationFailedException(
                new SQLException("terminating connection due to administrator command", "57P01")), AT).getStatus());
        assertEquals(401, mappers.badCredentials(new AuthenticationFailedException("bad token"), AT).getStatus());
    }

    @Test
    void aServiceSaying503ItselfAddsRetryAfter() {
        Response response = mappers.domain(ProblemException.unavailable("pass-service is not reachable"), AT);
        assertEquals(503, response.getStatus());
        assertEquals("2", response.getHeaderString("Retry-After"));
    }

    @Test
    void aValueTheDatabaseRefusesIs400NotAServerError() {
        Response response = mappers.unexpected(new PersistenceException("could not execute",
                new SQLException("ERROR: date out of range: \"169104628-12-09 BC +00\"", "22008")), AT);
        assertEquals(400, response.getStatus());
        String detail = ((Problem) response.getEntity()).detail();
        assertEquals("A value of the request is outside what the service can store (a date or number out of range, or text too long); "
                + "nothing was changed", detail);
        assertEquals(500, mappers.unexpected(new PersistenceException("constraint", new SQLException("duplicate key", "23505")), AT).getStatus());
    }

    @Test
    void aProblemThrownWhileReadingAParameterKeepsItsStatusAndSentence() {
        Response response = mappers.web(new jakarta.ws.rs.NotFoundException(ProblemException.badRequest("The parameter 'to' must be a date")), AT);
        assertEquals(400, response.getStatus());
        assertEquals("The parameter 'to' must be a date", ((Problem) response.getEntity()).detail());
    }

    @Test
    void aBodyAResourceReadsItselfIsRefusedWithoutTheParsersWords() throws Exception {
        com.fasterxml.jackson.core.JsonProcessingException unreadable = org.junit.jupiter.api.Assertions.assertThrows(
                com.fasterxml.jackson.core.JsonProcessingException.class, () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree("Tx"));
        String detail = ProblemException.unreadable("Send {\"activatesAt\": \"2026-12-01T08:00:00Z\"} or nothing", unreadable).getMessage();
        assertEquals("Send {\"activatesAt\": \"2026-12-01T08:00:00Z\"} or nothing. The request body is not valid JSON (line 1, column 3): "
                + "check its quotes, commas and brackets", detail);
    }
}
