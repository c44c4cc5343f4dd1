package lu.kulturpass.core.partner;

import lu.kulturpass.platform.words.Words;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The programme's register of partners and their venues, kept by programme staff. */
@Path("/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROGRAMME_STAFF)
public class PartnerResource {

    public record NewVenue(@NotBlank(message = "{venueNameRequired}") @Size(max = 200, message = "{venueNameLength}") String name,
                           @jakarta.validation.constraints.DecimalMin(value = "-90", message = "{latitudeRange}")
                           @jakarta.validation.constraints.DecimalMax(value = "90", message = "{latitudeRange}") Double latitude,
                           @jakarta.validation.constraints.DecimalMin(value = "-180", message = "{longitudeRange}")
                           @jakarta.validation.constraints.DecimalMax(value = "180", message = "{longitudeRange}") Double longitude) {
    }

    public record NewPartner(@NotNull(message = "{partnerKindRequired}") PartnerKind kind,
                             @NotBlank(message = "{partnerNameRequired}") @Size(max = 200, message = "{partnerNameLength}") String name,
                             List<@Valid NewVenue> venues) {
    }

    public record VenueView(UUID id, String name) {
    }

    public record PartnerView(UUID id, PartnerKind kind, String name, List<VenueView> venues) {
        static PartnerView of(Partner partner) {
            return new PartnerView(partner.id, partner.kind, partner.name,
                    partner.venues.stream().map(v -> new VenueView(v.id, v.name)).toList());
        }
    }

    public record Rename(@NotBlank(message = "{partnerNameRequired}") @Size(max = 200, message = "{partnerNameLength}") String name) {
    }

    public record Change(String action, UUID agreementId, String actor, OffsetDateTime at, JsonNode before, JsonNode after) {
    }

    private final PartnerChanges changes;
    private final Caller caller;
    private final ObjectMapper json;
    private final ProgrammeCalendar calendar;

    public PartnerResource(PartnerChanges changes, Caller caller, ObjectMapper json, ProgrammeCalendar calendar) {
        this.changes = changes;
        this.caller = caller;
        this.json = json;
        this.calendar = calendar;
    }

    @POST
    @Transactional
    @Operation(summary = "Register a cultural partner with its venues, or a social partner")
    public Response register(@Valid @NotNull(message = "{partnerBodyMissing}") NewPartner request) {
        List<NewVenue> venues = request.venues() == null ? List.of() : request.venues();
        if (request.kind() == PartnerKind.SOCIAL && !venues.isEmpty()) {
            throw ProblemException.badRequest(Words.of(PartnerWords.class).socialPartnerNoVenues());
        }
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.kind = request.kind();
        partner.name = request.name().strip();
        partner.createdAt = calendar.nowUtc();
        for (NewVenue newVenue : venues) {
            Venue venue = new Venue();
            venue.id = UUID.randomUUID();
            venue.partner = partner;
            venue.name = newVenue.name().strip();
            venue.latitude = newVenue.latitude();
            venue.longitude = newVenue.longitude();
            partner.venues.add(venue);
        }
        partner.persist();
        changes.record(partner, null, "partner.registered", caller.userId(), null, PartnerView.of(partner));
        return Response.created(URI.create("/partners/" + partner.id)).entity(PartnerView.of(partner)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "All partners, by name")
    public List<PartnerView> list() {
        return Partner.<Partner>list("order by name").stream().map(PartnerView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One partner with its venues")
    public PartnerView get(@PathParam("id") UUID id) {
        return PartnerView.of(found(id));
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Rename a partner")
    public PartnerView rename(@PathParam("id") UUID id, @Valid @NotNull(message = "{nameBodyMissing}") Rename rename) {
        Partner partner = found(id);
        PartnerView before = PartnerView.of(partner);
        partner.name = rename.name().strip();
        changes.record(partner, null, "partner.renamed", caller.userId(), before, PartnerView.of(partner));
        return PartnerView.of(partner);
    }

    @POST
    @Path("/{id}/venues")
    @Transactional
    @Operation(summary = "Add a venue to a cultural partner")
    public Response addVenue(@PathParam("id") UUID id, @Valid @NotNull(message = "{nameBodyMissing}") NewVenue newVenue) {
        Partner partner = found(id);
        if (partner.kind != PartnerKind.CULTURAL) {
            throw ProblemException.badRequest(Words.of(PartnerWords.class).socialPartnerNoVenues());
        }
        PartnerView before = PartnerView.of(partner);
        Venue venue = new Venue();
        venue.id = UUID.randomUUID();
        venue.partner = partner;
        venue.name = newVenue.name().strip();
        venue.latitude = newVenue.latitude();
        venue.longitude = newVenue.longitude();
        venue.persist();
        partner.venues.add(venue);
        changes.record(partner, null, "partner.venue-added", caller.userId(), before, PartnerView.of(partner));
        return Response.created(URI.create("/partners/" + id)).entity(new VenueView(venue.id, venue.name)).build();
    }

    @GET
    @Path("/{id}/history")
    @Transactional
    @Operation(summary = "Every change to the partner and its agreements: who, what, when, before and after")
    public List<Change> history(@PathParam("id") UUID id) {
        found(id);
        return PartnerChange.<PartnerChange>list("partnerId = ?1 order by id", id).stream()
                .map(c -> new Change(c.action, c.agreementId, c.actor, c.at, tree(c.before), tree(c.after))).toList();
    }

    private static Partner found(UUID id) {
        Partner partner = Partner.findById(id);
        if (partner == null) {
            throw ProblemException.notFound(Words.of(PartnerWords.class).partnerNotFound(String.valueOf(id)));
        }
        return partner;
    }

    private JsonNode tree(String stored) {
        try {
            return stored == null ? null : json.readTree(stored);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored history is not JSON", e);
        }
    }
}
