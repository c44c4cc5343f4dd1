package lu.kulturpass.venue.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The box office's own venue and the agreement it admits under today. */
@Path("/venues/mine")
@Produces(MediaType.APPLICATION_JSON)
public class VenueResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgreementInForce(UUID id, String benefit, BigDecimal pricePerPerson, String currency, Integer placesPerEvent,
                                   List<String> acceptedCategories, LocalDate validUntil) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MyVenue(String id, String name, UUID partnerId, AgreementInForce agreement) {
    }

    private final CallerVenue callerVenue;
    private final ProgrammeCalendar calendar;

    public VenueResource(CallerVenue callerVenue, ProgrammeCalendar calendar) {
        this.callerVenue = callerVenue;
        this.calendar = calendar;
    }

    @GET
    @RolesAllowed({Roles.BOX_OFFICE, Roles.VENUE_MANAGER})
    @Transactional
    @Operation(summary = "The caller's venue and the agreement in force today (none: nobody can be admitted); 403 for a venue the programme does not know")
    public MyVenue mine() {
        Venue venue = callerVenue.venue();
        AgreementInForce agreement = Agreement.inForce(venue.partnerId, calendar.today())
                .map(a -> new AgreementInForce(a.id, a.benefit, BigDecimal.valueOf(a.priceCentsPerPerson(), 2), "EUR",
                        a.placesPerEvent, List.of(a.acceptedCategories.split(",")), a.validUntil))
                .orElse(null);
        return new MyVenue(venue.id, venue.name, venue.partnerId, agreement);
    }
}
