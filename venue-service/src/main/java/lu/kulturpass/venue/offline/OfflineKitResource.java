package lu.kulturpass.venue.offline;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.venue.key.VerificationKey;
import lu.kulturpass.venue.device.ScanningDevice;
import lu.kulturpass.venue.partner.Agreement;
import lu.kulturpass.venue.partner.CallerVenue;
import lu.kulturpass.venue.partner.Venue;
import lu.kulturpass.venue.pass.PassStanding;
import lu.kulturpass.venue.performance.PerformanceResource.PerformanceView;
import lu.kulturpass.venue.performance.Performances;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What a scanner page needs to decide on its own while the network is down: the venue and its
 * agreement, the public keys that verify tokens, the passes that must not be admitted (suspended,
 * revoked, replaced), today's and tomorrow's performances. Ids only: no personal data. Its
 * reasons' words are the page's own, from /words.js (kept by the page's service worker).
 */
@Path("/offline-kit")
@Produces(MediaType.APPLICATION_JSON)
public class OfflineKitResource {

    /** {@code timeZone}: the programme's ({@code kulturpass.time-zone}), in which the page counts its days offline. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Kit(OffsetDateTime generatedAt, String timeZone, VenueInfo venue, AgreementInfo agreement, List<PublicKey> publicKeys,
                      List<Long> revokedPasses, List<PerformanceView> performances) {
    }

    public record VenueInfo(String venueId, String name) {
    }

    public record AgreementInfo(UUID agreementId, String benefit, BigDecimal price, String currency, List<String> acceptedCategories,
                                LocalDate validFrom, LocalDate validUntil) {
    }

    public record PublicKey(int keyId, String algorithm, String publicKey, OffsetDateTime activeFrom) {
    }

    private final CallerVenue callerVenue;
    private final Performances performances;
    private final ProgrammeCalendar calendar;
    private final ScanningDevice scanningDevice;

    public OfflineKitResource(CallerVenue callerVenue, Performances performances, ScanningDevice scanningDevice,
                              ProgrammeCalendar calendar) {
        this.scanningDevice = scanningDevice;
        this.callerVenue = callerVenue;
        this.performances = performances;
        this.calendar = calendar;
    }

    @GET
    @RolesAllowed(Roles.BOX_OFFICE)
    @Transactional
    @Operation(summary = "Everything a scanner page needs to validate offline: keys, revocation list, agreement, performances")
    public Kit kit() {
        Venue venue = callerVenue.venue();
        scanningDevice.synced();
        LocalDate today = calendar.today();
        AgreementInfo agreement = Agreement.inForce(venue.partnerId, today)
                .map(a -> new AgreementInfo(a.id, a.benefit, BigDecimal.valueOf(a.priceCentsPerPerson(), 2), "EUR",
                        List.of(a.acceptedCategories.split(",")), a.validFrom, a.validUntil))
                .orElse(null);
        List<PublicKey> keys = VerificationKey.<VerificationKey>listAll().stream()
                .map(k -> new PublicKey(k.keyId, "Ed25519", k.publicKey, k.activatedAt)).toList();
        List<PerformanceView> shows = performances.between(venue.id, today, today.plusDays(1)).stream().map(PerformanceView::of).toList();
        return new Kit(calendar.nowUtc(), calendar.zone().getId(), new VenueInfo(venue.id, venue.name), agreement, keys,
                PassStanding.notAdmitting(), shows);
    }
}
