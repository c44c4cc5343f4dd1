package lu.kulturpass.eligibility;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import lu.kulturpass.testing.PassServiceProcess;
import lu.kulturpass.testing.ServiceTestInfrastructure;

/**
 * Every test of this service runs on its own PostgreSQL database and the JVM's Kafka broker, against
 * the real, packaged pass-service (approving an enrolment issues a pass there).
 */
@QuarkusTestResource(value = ServiceTestInfrastructure.class,
        initArgs = @ResourceArg(name = "database", value = "kulturpass_eligibility_test"))
@QuarkusTestResource(PassServiceProcess.class)
public final class EligibilityServiceTestInfrastructure {

    private EligibilityServiceTestInfrastructure() {
    }
}
