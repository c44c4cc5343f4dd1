package lu.kulturpass.core.card;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/passes/{id}")
public class CardResource {

    private final QrCodes qrCodes;
    private final Caller caller;

    public CardResource(QrCodes qrCodes, Caller caller) {
        this.qrCodes = qrCodes;
        this.caller = caller;
    }

    @GET
    @Path("/qr.png")
    @Produces("image/png")
    @RolesAllowed({Roles.AGENCY_STAFF, Roles.PROGRAMME_STAFF})
    @Operation(summary = "The pass's QR code as a PNG image, to print or send to the holder's phone")
    @Transactional
    public Response qrCode(@PathParam("id") long id, @QueryParam("size") @DefaultValue("400") int size) {
        if (size < 100 || size > 2000) {
            throw ProblemException.badRequest("size must be between 100 and 2000 pixels");
        }
        Pass pass = Pass.findById(id);
        if (pass == null) {
            throw ProblemException.notFound("No pass with id " + id);
        }
        caller.requirePartner(pass.agencyId, "passes");
        return Response.ok(qrCodes.png(pass.token, size))
                .header("Content-Disposition", "inline; filename=\"kulturpass-" + pass.number + ".png\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
