package lu.kulturpass.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The real infrastructure a service's tests run on: its own PostgreSQL database (recreated, then
 * migrated by Flyway), the JVM's embedded Kafka broker, and the test identity provider's key.
 * Use with {@code @QuarkusTestResource(value = ServiceTestInfrastructure.class, initArgs =
 * @ResourceArg(name = "database", value = "kulturpass_pass_test"))}.
 */
public class ServiceTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("ServiceTestInfrastructure needs the init arg 'database'");
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestDatabase.recreate(database));
        config.put("quarkus.datasource.username", TestDatabase.USER);
        config.put("quarkus.datasource.password", TestDatabase.PASSWORD);
        config.put("kafka.bootstrap.servers", TestKafka.get().bootstrapServers());
        config.put("quarkus.oidc.public-key", BearerTokens.publicKey());
        config.put("quarkus.oidc.token.issuer", BearerTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // the broker lives for the whole JVM; the database stays for inspection until the next run
    }
}
