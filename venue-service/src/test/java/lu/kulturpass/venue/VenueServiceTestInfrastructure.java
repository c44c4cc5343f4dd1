package lu.kulturpass.venue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import lu.kulturpass.testing.ServiceTestInfrastructure;

/** Every test of this service runs on its own PostgreSQL database and the JVM's Kafka broker. */
@QuarkusTestResource(value = ServiceTestInfrastructure.class,
        initArgs = @ResourceArg(name = "database", value = "kulturpass_venue_test"))
public final class VenueServiceTestInfrastructure {

    private VenueServiceTestInfrastructure() {
    }
}
