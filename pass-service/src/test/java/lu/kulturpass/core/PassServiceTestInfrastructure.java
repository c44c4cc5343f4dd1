package lu.kulturpass.core;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import java.util.Base64;
import java.util.Map;
import lu.kulturpass.testing.ServiceTestInfrastructure;
import lu.kulturpass.token.SigningKeyPair;

/**
 * Every test of this service runs on its own PostgreSQL database and the JVM's Kafka broker, with a
 * signing key made for the run (keys never live in the repository).
 */
@QuarkusTestResource(value = ServiceTestInfrastructure.class,
        initArgs = @ResourceArg(name = "database", value = "kulturpass_pass_test"))
@QuarkusTestResource(PassServiceTestInfrastructure.SigningKeyForTheRun.class)
public final class PassServiceTestInfrastructure {

    public static final int KEY_ID = 1;

    private PassServiceTestInfrastructure() {
    }

    public static class SigningKeyForTheRun implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("kulturpass.signing.key-id", String.valueOf(KEY_ID),
                    "kulturpass.signing.private-key", Base64.getEncoder().encodeToString(SigningKeyPair.generate().privateKey()));
        }

        @Override
        public void stop() {
        }
    }
}
