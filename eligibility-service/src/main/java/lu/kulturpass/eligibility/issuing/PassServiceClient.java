package lu.kulturpass.eligibility.issuing;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * pass-service's endpoints for issuing, lifecycle and cards, called with the agency worker's own access token
 * ({@link CallerAccessToken} sets the Authorization header of every call).
 */
@RegisterRestClient(configKey = "pass-service")
@RegisterClientHeaders(CallerAccessToken.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface PassServiceClient {

    record PassRequest(String holderRef, String category, String initials, int birthYear) {
    }

    record HouseholdRequest(String householdRef, List<PassRequest> members) {
    }

    record IssuedPass(long id, String number, String holderRef, String category, LocalDate validFrom, LocalDate validUntil,
                      String status, String qrCode) {
    }

    record BatchEntry(String idempotencyKey, HouseholdRequest household) {
    }

    record BatchRequest(List<BatchEntry> households) {
    }

    record BatchIssued(String idempotencyKey, List<IssuedPass> passes) {
    }

    record TransitionRequest(String transition, String reason, String note) {
    }

    record SheetCard(long passId, String holderName) {
    }

    record SheetRequest(String language, List<SheetCard> cards) {
    }

    @POST
    @Path("/passes/households")
    List<IssuedPass> issueHousehold(@HeaderParam("Idempotency-Key") String idempotencyKey, HouseholdRequest request);

    @POST
    @Path("/passes/households/batch")
    List<BatchIssued> issueHouseholds(BatchRequest request);

    @POST
    @Path("/passes/{id}/transitions")
    IssuedPass move(@PathParam("id") long passId, TransitionRequest request);

    @POST
    @Path("/cards/sheet.pdf")
    @Produces("application/pdf")
    byte[] sheet(SheetRequest request);
}
