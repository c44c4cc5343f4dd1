package lu.kulturpass.venue.admission;

import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.words.CallerLanguage;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.venue.device.ScanningDevice;
import lu.kulturpass.venue.partner.CallerVenue;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Scanning at the door, the venue's latest answers, and undoing an admission made by mistake. */
@Path("/admissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdmissionResource {

    /** Why staff undo an admission. */
    public record UndoRequest(String reason) {
    }

    private final AdmissionDesk desk;
    private final AdmissionUndo undo;
    private final Answers answers;
    private final Caller caller;
    private final CallerVenue callerVenue;
    private final ScanningDevice scanningDevice;
    private final ScanMeters meters;

    public AdmissionResource(AdmissionDesk desk, AdmissionUndo undo, Answers answers, Caller caller, CallerVenue callerVenue,
                             ScanningDevice scanningDevice, ScanMeters meters) {
        this.scanningDevice = scanningDevice;
        this.meters = meters;
        this.desk = desk;
        this.undo = undo;
        this.answers = answers;
        this.caller = caller;
        this.callerVenue = callerVenue;
    }

    @POST
    @RolesAllowed(Roles.BOX_OFFICE)
    @Operation(summary = "Scan a card (QR text or typed pass number) at the caller's venue: admitted or refused, with the reason and the holder check",
            description = "Always 200 with the answer, a refusal included. A retry with the same nonce returns the first answer; "
                    + "the same nonce with another pass or performance is a 409 problem. "
                    + "The message is in the Accept-Language (fr, de, en, lb; English by default).")
    public CompletionStage<ScanAnswer> scan(@Valid @NotNull(message = "{scanAsJson}") ScanRequest request) {
        // no thread waits for the answer: the scan is read here (on the event loop), recorded with the scans arriving
        // together, and its answer is made and written back on this request's event loop. Whether the venue is known and
        // the performance its own is checked on the facts the batch reads anyway (AdmissionDesk), not with a query here
        var started = meters.started();
        Language language = CallerLanguage.current();
        Scan scan = Scan.live(caller.partnerId(), request, scanningDevice.recorder(request.device()));
        io.vertx.core.Context requestContext = Vertx.currentContext();
        Executor here = requestContext == null ? Runnable::run : task -> requestContext.runOnContext(ignored -> task.run());
        return desk.scanWhenRecorded(scan).thenApplyAsync(decided -> {
            meters.answered(started, decided.admission().reason);
            return answers.of(decided.admission(), decided.card(), language);
        }, here);
    }

    @POST
    @Path("/{id}/undo")
    @RolesAllowed(Roles.BOX_OFFICE)
    @Operation(summary = "Undo an admission of the caller's venue within the undo window (default 10 minutes); audited, 409 after; "
            + "another venue's admission or performance: 403")
    public AdmissionUndo.Undone undo(@PathParam("id") UUID id, UndoRequest request) {
        return undo.undo(callerVenue, id, scanningDevice.recorder(null), request == null ? null : request.reason());
    }

    @GET
    @Path("/recent")
    @RolesAllowed(Roles.BOX_OFFICE)
    @Transactional
    @Operation(summary = "The caller's venue's latest answers, newest first (for the scanner page's list)")
    public List<ScanAnswer> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        Language language = CallerLanguage.current();
        return Admissions.where("venue_id = ? order by scanned_at desc limit ?", callerVenue.venueId(), Math.max(1, Math.min(limit, 100)))
                .stream()
                .map(admission -> answers.of(admission, desk.cardOf(admission), language)).toList();
    }
}
