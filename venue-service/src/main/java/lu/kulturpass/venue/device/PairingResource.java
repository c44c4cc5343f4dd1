package lu.kulturpass.venue.device;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.UUID;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.venue.partner.CallerVenue;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The device's side: pairing itself with a setup code, and asking which device it is. */
@Path("/devices")
@Produces(MediaType.APPLICATION_JSON)
public class PairingResource {

    /** The setup code the venue manager's QR code (or screen) gave. */
    public record Pairing(@NotBlank(message = "{setupCodeRequired}") @Size(max = 40, message = "{setupCodeUnknown}") String code) {
    }

    /** The device this browser is paired as. {@code personSignedIn}: whether someone is signed in on it too. */
    public record ThisDevice(UUID deviceId, String name, String venueId, String venueName, OffsetDateTime pairedAt, boolean personSignedIn) {
    }

    private final SetupCodes setupCodes;
    private final PairingAttempts attempts;
    private final RoutingContext http;
    private final CallerVenue callerVenue;
    private final ScanningDevice scanningDevice;

    public PairingResource(SetupCodes setupCodes, PairingAttempts attempts, RoutingContext http, CallerVenue callerVenue,
                           ScanningDevice scanningDevice) {
        this.setupCodes = setupCodes;
        this.attempts = attempts;
        this.http = http;
        this.callerVenue = callerVenue;
        this.scanningDevice = scanningDevice;
    }

    @POST
    @Path("/pairing")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pair this browser as a door device with a one-time setup code: the cookie kulturpass_device (HttpOnly, "
            + "SameSite=Strict) then signs it in as its venue's box office",
            description = "Public: the code is the credential. Unknown code: 404; used or expired: 410; "
                    + "more than 20 refused codes a minute from one address: 429.")
    public Response pair(@Valid @NotNull(message = "{setupCodeAsJson}") Pairing pairing) {
        String address = http.request().remoteAddress() == null ? "" : http.request().remoteAddress().hostAddress();
        attempts.allow(address);
        SetupCodes.Paired paired;
        try {
            paired = setupCodes.redeem(pairing.code());
        } catch (ProblemException refused) {
            attempts.refused(address);
            throw refused;
        }
        DoorDevice device = paired.device();
        return Response.ok(new ThisDevice(device.id, device.name, device.venueId, paired.venueName(), device.pairedAt, false))
                .header(HttpHeaders.SET_COOKIE, DeviceCookie.setting(paired.secret(), DeviceCookie.https(http)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("/current")
    @RolesAllowed(Roles.BOX_OFFICE)
    @Operation(summary = "The door device this browser is paired as (404 when it is not paired); a revoked pairing: 401")
    public ThisDevice current() {
        var venue = callerVenue.venue();
        PairedDevices.Paired device = scanningDevice.paired(); // a person on another venue's device: 403
        if (device == null) {
            throw ProblemException.notFound(Words.of(DeviceWords.class).notAPairedDevice());
        }
        DoorDevice stored = io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> DoorDevice.findById(device.id()));
        return new ThisDevice(device.id(), device.name(), venue.id, venue.name, stored == null ? null : stored.pairedAt,
                scanningDevice.personSignedIn());
    }
}
