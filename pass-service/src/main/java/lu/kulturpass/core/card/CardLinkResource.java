package lu.kulturpass.core.card;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The link an agency sends a beneficiary so they can show their card on a phone, without an account. */
@Path("/passes/{id}/card-link")
@RolesAllowed({Roles.AGENCY_STAFF, Roles.PROGRAMME_STAFF})
public class CardLinkResource {

    private final CardPasses passes;
    private final Caller caller;
    private final CardConfig config;
    private final ProgrammeCalendar calendar;

    public CardLinkResource(CardPasses passes, Caller caller, CardConfig config, ProgrammeCalendar calendar) {
        this.passes = passes;
        this.caller = caller;
        this.config = config;
        this.calendar = calendar;
    }

    /** The link to send: {@code url} opens the mobile card; it is shown once and replaces earlier links. */
    public record Link(long passId, String url, OffsetDateTime createdAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a new mobile card link for the pass (the previous one stops working)",
            description = "Optional body: {\"holderName\": \"...\", \"language\": \"fr|de|en|lb\"}. The name goes only into the "
                    + "link's #fragment, which browsers never send to a server; it is not stored.")
    @Transactional
    public Link renew(@PathParam("id") long id, CardRequests.Link request, @Context HttpHeaders headers) {
        String name = request == null || request.holderName() == null ? "" : request.holderName().strip();
        if (name.length() > 100) {
            throw ProblemException.badRequest(Words.of(CardWords.class).cardLinkNameTooLong());
        }
        CardText language = CardText.choose(request == null ? null : request.language(),
                headers.getAcceptableLanguages());
        Pass pass = passes.visible(id);
        String secret = CardLink.renew(pass.id, caller.userId(), calendar.nowUtc());
        String url = config.publicUrl().replaceAll("/+$", "") + MobileCardResource.PATH + "/" + secret
                + "?lang=" + language.code()
                + (name.isEmpty() ? "" : "#name=" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        return new Link(pass.id, url, CardLink.<CardLink>findById(pass.id).createdAt);
    }

    @DELETE
    @Operation(summary = "Revoke the pass's mobile card link: it answers 404 from now on")
    @Transactional
    public Response revoke(@PathParam("id") long id) {
        Pass pass = passes.visible(id);
        if (!CardLink.deleteById(pass.id)) {
            throw ProblemException.notFound(Words.of(CardWords.class).cardLinkMissing(String.valueOf(id)));
        }
        return Response.noContent().build();
    }
}
