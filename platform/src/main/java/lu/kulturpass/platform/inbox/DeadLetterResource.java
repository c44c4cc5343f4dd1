package lu.kulturpass.platform.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.problem.ProblemWords;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.words.Words;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Programme staff replay a channel's dead-letter topic once the cause is fixed ({@link DeadLetters}): idempotent, so a
 * second replay changes nothing. {@code curl -X POST -H "Authorization: Bearer $TOKEN" .../dead-letters/admissions/replay}.
 */
@Path("/dead-letters")
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @POST
    @Path("/{channel}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROGRAMME_STAFF)
    @Operation(summary = "Applies the channel's dead letters again, once each (events applied before change nothing); "
            + "says how many were read, applied, applied before, and which still fail")
    public DeadLetters.Replay replay(@PathParam("channel") String channel) {
        return deadLetters.replay(channel).orElseThrow(() -> ProblemException.notFound(
                Words.of(ProblemWords.class).problemNoSuchChannel(channel, String.join(", ", deadLetters.channels()))));
    }
}
