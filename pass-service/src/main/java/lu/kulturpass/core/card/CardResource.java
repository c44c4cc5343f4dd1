package lu.kulturpass.core.card;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.words.Words;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A pass's QR code (PNG, SVG) and its printable card, for the issuing agency or programme staff. */
@Path("/passes/{id}")
@RolesAllowed({Roles.AGENCY_STAFF, Roles.PROGRAMME_STAFF})
public class CardResource {

    static final String PDF = "application/pdf";

    private final QrCodes qrCodes;
    private final CardPasses passes;
    private final CardRenderer renderer;

    public CardResource(QrCodes qrCodes, CardPasses passes, CardRenderer renderer) {
        this.qrCodes = qrCodes;
        this.passes = passes;
        this.renderer = renderer;
    }

    @GET
    @Path("/qr.png")
    @Produces("image/png")
    @Operation(summary = "The pass's QR code as a PNG image, to print or send to the holder's phone")
    @Transactional
    public Response qrPng(@PathParam("id") long id, @QueryParam("size") @DefaultValue("400") int size) {
        if (size < 100 || size > 2000) {
            throw ProblemException.badRequest(Words.of(CardWords.class).cardQrSize());
        }
        Pass pass = passes.visible(id);
        return download(qrCodes.png(CardPasses.token(pass), size), pass, "png");
    }

    @GET
    @Path("/qr.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "The pass's QR code as SVG: scales to any size without blurring (one unit per module)")
    @Transactional
    public Response qrSvg(@PathParam("id") long id) {
        Pass pass = passes.visible(id);
        return download(qrCodes.svg(CardPasses.token(pass)), pass, "svg");
    }

    @POST
    @Path("/card.pdf")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(PDF)
    @Operation(summary = "The printable card (ID-1, 85.60 x 53.98 mm) as PDF",
            description = "Body: {\"holderName\": \"Zoë Łukasiewicz\", \"language\": \"fr|de|en|lb\"}. The name is printed, "
                    + "never stored. Without language, the Accept-Language header chooses; French by default.")
    @Transactional
    public Response card(@PathParam("id") long id, CardRequests.Card request, @Context HttpHeaders headers) {
        if (request == null) {
            throw ProblemException.badRequest(Words.of(CardWords.class).cardBodyMissing());
        }
        CardText language = CardText.choose(request.language(), headers.getAcceptableLanguages());
        Pass pass = passes.visible(id);
        return download(renderer.card(language.face(passes.content(pass, request.holderName(), "holderName"))), pass, "pdf");
    }

    private static Response download(Object body, Pass pass, String extension) {
        return download(body, "kulturpass-" + pass.number + "." + extension);
    }

    /** A private, uncached answer: cards and codes are personal. */
    static Response download(Object body, String filename) {
        return Response.ok(body)
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
