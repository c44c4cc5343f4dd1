package lu.kulturpass.venue.device;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.venue.partner.CallerVenue;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A venue manager's door devices: add one (with its one-time setup code and QR code), list them with when each last
 * synced, give one a fresh setup code, revoke one. Their own venue's only (a known venue: {@link CallerVenue}).
 */
@Path("/devices")
@Produces(MediaType.APPLICATION_JSON)
public class DoorDeviceResource {

    /** A new door device: its name as staff will recognise it ("Entrance tablet"). */
    public record NewDevice(@NotBlank(message = "{deviceNameRequired}") @Size(max = 80, message = "{deviceNameTooLong}") String name) {
    }

    /** A device with a setup code to pair it, shown once. */
    public record WithSetup(DeviceView device, SetupCodes.Setup setup) {
    }

    private final CallerVenue callerVenue;
    private final Caller caller;
    private final SetupCodes setupCodes;
    private final PairedDevices devices;
    private final ProgrammeCalendar calendar;

    public DoorDeviceResource(CallerVenue callerVenue, Caller caller, SetupCodes setupCodes, PairedDevices devices,
                              ProgrammeCalendar calendar) {
        this.callerVenue = callerVenue;
        this.caller = caller;
        this.setupCodes = setupCodes;
        this.devices = devices;
        this.calendar = calendar;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENUE_MANAGER)
    @Transactional
    @Operation(summary = "Add a door device to the caller's venue: 201 with the device and a one-time setup code (10 minutes) and its QR code",
            description = "The QR code (a PNG data URL) holds the scanner page's pairing address, the code in its fragment.")
    public Response add(@Valid @NotNull(message = "{deviceAsJson}") NewDevice request, @Context UriInfo uri) {
        String venueId = callerVenue.venueId();
        DoorDevice device = new DoorDevice();
        device.id = UUID.randomUUID();
        device.venueId = venueId;
        device.name = request.name().strip();
        device.createdAt = calendar.nowUtc();
        device.createdBy = caller.userId();
        device.persist();
        return Response.status(Response.Status.CREATED).entity(new WithSetup(DeviceView.of(device), setupCodes.issue(device, uri))).build();
    }

    @GET
    @RolesAllowed(Roles.VENUE_MANAGER)
    @Transactional
    @Operation(summary = "The caller's venue's door devices: paired when, last synced when, revoked when, the person last signed in on it")
    public List<DeviceView> list() {
        return DoorDevice.<DoorDevice>find("venueId = ?1 order by createdAt", callerVenue.venueId()).stream().map(DeviceView::of).toList();
    }

    @POST
    @Path("/{id}/pairing-code")
    @RolesAllowed(Roles.VENUE_MANAGER)
    @Transactional
    @Operation(summary = "A fresh one-time setup code for a device of the caller's venue (earlier unused codes stop working); "
            + "pairing with it replaces the device's earlier pairing. A revoked device: 409")
    public Response newCode(@PathParam("id") UUID id, @Context UriInfo uri) {
        DoorDevice device = own(id);
        if (device.revoked()) {
            throw ProblemException.conflict(Words.of(DeviceWords.class).revokedDeviceNeedsAdding());
        }
        return Response.status(Response.Status.CREATED).entity(new WithSetup(DeviceView.of(device), setupCodes.issue(device, uri))).build();
    }

    @POST
    @Path("/{id}/revocation")
    @RolesAllowed(Roles.VENUE_MANAGER)
    @Transactional
    @Operation(summary = "Revoke a door device of the caller's venue: it can no longer scan (at once on this replica, "
            + "within kulturpass.device.remembered on others); its setup codes stop working. Revoking again changes nothing")
    public DeviceView revoke(@PathParam("id") UUID id) {
        DoorDevice device = own(id);
        if (!device.revoked()) {
            device.revokedAt = calendar.nowUtc();
            device.revokedBy = caller.userId();
            PairingCode.delete("deviceId = ?1 and usedAt is null", device.id);
            devices.forget(device.id);
        }
        return DeviceView.of(device);
    }

    /** A device of the caller's venue: 404 when there is none with that id, 403 when it is another venue's. */
    private DoorDevice own(UUID id) {
        String venueId = callerVenue.venueId();
        DoorDevice device = DoorDevice.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (device == null) {
            throw ProblemException.notFound(Words.of(DeviceWords.class).noDoorDeviceAtYourVenue(id.toString()));
        }
        if (!device.venueId.equals(venueId)) {
            throw ProblemException.forbidden(Words.of(DeviceWords.class).doorDeviceOfAnotherVenue(id.toString()));
        }
        return device;
    }
}
