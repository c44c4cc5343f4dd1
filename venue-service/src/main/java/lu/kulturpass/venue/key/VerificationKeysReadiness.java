package lu.kulturpass.venue.key;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A box office cannot admit anyone before it knows at least one public key: not ready until then. */
@Readiness
@ApplicationScoped
public class VerificationKeysReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        long known = QuarkusTransaction.requiringNew().call(() -> VerificationKey.count());
        return HealthCheckResponse.named("verification keys").status(known > 0).withData("known", known).build();
    }
}
