package lu.kulturpass.core.card;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Batch printing: up to ten cards on one A4 sheet. */
@Path("/cards/sheet.pdf")
public class CardSheetResource {

    private final CardPasses passes;
    private final CardRenderer renderer;

    public CardSheetResource(CardPasses passes, CardRenderer renderer) {
        this.passes = passes;
        this.renderer = renderer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(CardResource.PDF)
    @RolesAllowed({Roles.AGENCY_STAFF, Roles.PROGRAMME_STAFF})
    @Operation(summary = "An A4 sheet of 1 to 10 cards (2 columns, 5 rows, cut guides) as PDF",
            description = "Body: {\"language\": \"fr|de|en|lb\", \"cards\": [{\"passId\": 123, \"holderName\": \"...\"}]}. "
                    + "Every pass must belong to the caller's agency. Names are printed, never stored.")
    @Transactional
    public Response sheet(@Valid @NotNull(message = "{cardSheetBodyMissing}") CardRequests.Sheet request,
                          @Context HttpHeaders headers) {
        CardText language = CardText.choose(request.language(), headers.getAcceptableLanguages());
        List<Pass> listed = passes.listed(request.cards().stream().map(CardRequests.SheetCard::passId).toList(), "cards");
        List<CardFace> cards = new ArrayList<>();
        for (int i = 0; i < request.cards().size(); i++) {
            cards.add(language.face(passes.content(listed.get(i), request.cards().get(i).holderName(), "cards[" + i + "].holderName")));
        }
        return CardResource.download(renderer.sheet(cards), "kulturpass-cards.pdf");
    }
}
