package lu.kulturpass.eligibility.issuing;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** pass-service's issuing endpoint, called with the agency worker's own bearer token. */
@RegisterRestClient(configKey = "pass-service")
@Path("/passes")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface PassServiceClient {

    record PassRequest(String holderRef, String category, String initials, int birthYear) {
    }

    record IssuedPass(long id, String number, String category, LocalDate validFrom, LocalDate validUntil, String qrCode) {
    }

    @POST
    IssuedPass issue(@HeaderParam("Authorization") String authorization, @HeaderParam("Idempotency-Key") String idempotencyKey,
                     PassRequest request);
}
