package lu.kulturpass.core;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import java.util.Base64;
import java.util.Map;
import lu.kulturpass.testing.ServiceTestInfrastructure;

/**
 * Every test of this service runs on its own PostgreSQL database and the JVM's Kafka broker, with a
 * master key made for the run (keys never live in the repository; the service makes its first
 * signing key, id 1, at its first start).
 */
@QuarkusTestResource(value = ServiceTestInfrastructure.class,
        initArgs = @ResourceArg(name = "database", value = "kulturpass_pass_test"))
@QuarkusTestResource(PassServiceTestInfrastructure.MasterKeyForTheRun.class)
public final class PassServiceTestInfrastructure {

    private PassServiceTestInfrastructure() {
    }

    public static class MasterKeyForTheRun implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            byte[] masterKey = new byte[32];
            new java.security.SecureRandom().nextBytes(masterKey);
            return Map.of("kulturpass.signing.master-key", Base64.getEncoder().encodeToString(masterKey));
        }

        @Override
        public void stop() {
        }
    }
}
