package lu.kulturpass.venue.admission;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.venue.device.ScanningDevice;
import lu.kulturpass.venue.partner.CallerVenue;
import lu.kulturpass.venue.performance.Performance;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Scans a scanner page queued while offline, synced when the network is back: each is decided with
 * its original time, idempotent by nonce (a sync retried after a lost answer changes nothing), and a
 * pass already admitted for that performance or day (by another door or device) is flagged as a
 * double use — recorded, since the holder is inside, and left for audit.
 */
@Path("/admissions/offline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfflineSyncResource {

    public record OfflineScan(@Size(max = 400, message = "{scanTokenTooLong}") String token,
                              @Size(max = 40, message = "{scanCodeTooLong}") String code,
                              @NotBlank(message = "{scanNonceNeeded}") @Size(max = 100, message = "{scanNonceNeeded}") String nonce,
                              @NotNull(message = "{scannedAtRequired}") OffsetDateTime scannedAt, UUID performanceId, boolean admittedOffline) {
    }

    public record Sync(@Size(max = 100, message = "{scanDeviceNameTooLong}") String device,
                       @NotEmpty(message = "{offlineScansRequired}") @Size(max = 500, message = "{tooManyOfflineScans}")
                       List<@Valid @NotNull(message = "{offlineScanMissing}") OfflineScan> scans) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String nonce, UUID admissionId, boolean admitted, Reason reason, boolean doubleUse, String message) {
    }

    public record Synced(List<Result> results) {
    }

    private final AdmissionDesk desk;
    private final CallerVenue callerVenue;
    private final ScanningDevice scanningDevice;
    private final ProgrammeCalendar calendar;

    public OfflineSyncResource(AdmissionDesk desk, CallerVenue callerVenue, ScanningDevice scanningDevice,
                               ProgrammeCalendar calendar) {
        this.desk = desk;
        this.scanningDevice = scanningDevice;
        this.callerVenue = callerVenue;
        this.calendar = calendar;
    }

    @POST
    @RolesAllowed(Roles.BOX_OFFICE)
    @Operation(summary = "Sync the scans made offline (up to 500 at once), with their original times; idempotent by nonce; flags double use",
            description = "403, recording none of the scans, for a venue the programme does not know or a scan naming another venue's performance.")
    public Synced sync(@Valid @NotNull(message = "{offlineScansAsJson}") Sync sync) {
        String venueId = callerVenue.venueId();
        ownPerformances(sync.scans());
                AdmissionWords words = Words.of(AdmissionWords.class);
        OffsetDateTime now = calendar.nowUtc();
        for (OfflineScan scan : sync.scans()) {
            if (scan.scannedAt().isAfter(now.plusMinutes(5))) {
                throw ProblemException.badRequest(words.scanDatedInFuture(scan.nonce(), String.valueOf(scan.scannedAt())));
            }
        }
        ScanningDevice.Recorder by = scanningDevice.recorder(sync.device());
        List<Result> results = sync.scans().stream().map(scan -> {
            AdmissionDesk.Decided decided = desk.scan(new Scan(venueId, scan.nonce(), scan.token(), scan.code(), by.device(),
                    by.pairedDevice(), scan.performanceId(), by.person(), scan.scannedAt(), Scanning.offline(scan.admittedOffline())));
            Admission admission = decided.admission();
            return new Result(scan.nonce(), admission.id, admission.admitted(), admission.reason, admission.doubleUse,
                    words.reason(admission.reason));
        }).toList();
        return new Synced(results);
    }

    /**
     * Every performance the scans name that exists is the caller's venue's, before any scan is recorded: a scan the device let
     * in for another venue's performance would count the holder as admitted there ("once"), and refuse them at its door.
     */
    private void ownPerformances(List<OfflineScan> scans) {
        Set<UUID> named = scans.stream().map(OfflineScan::performanceId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (!named.isEmpty()) {
            QuarkusTransaction.joiningExisting().run(() ->
                    Performance.<Performance>list("id in ?1", named).forEach(callerVenue::requireOwn));
        }
    }
}
