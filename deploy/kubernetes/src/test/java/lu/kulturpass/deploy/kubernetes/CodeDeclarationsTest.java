package lu.kulturpass.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The configuration keys the manifests are checked against are read from the services' mapping interfaces. */
class CodeDeclarationsTest {

    private final CodeDeclarations code = Installations.code();

    @Test
    void aMappingsKeysAreItsPrefixAndEachMemberInKebabCase() {
        Path root = Installations.root();
        Set<String> pass = CodeDeclarations.mappedKeys(root.resolve("pass-service/src/main/java"));
        assertTrue(pass.containsAll(Set.of("kulturpass.card.programme-name", "kulturpass.statistics.smallest-cell",
                "kulturpass.signing.master-key", "kulturpass.audit.max-speed-kmh")), pass.toString());
        Set<String> platform = CodeDeclarations.mappedKeys(root.resolve("platform/src/main/java"));
        assertTrue(platform.containsAll(Set.of("kulturpass.outbox.poll-interval", "kulturpass.kafka.replication-factor",
                "kulturpass.inbox.retry.initial-delay", "kulturpass.accounts.client-secret")), platform.toString());
    }

    @Test
    void aServiceReadsTheKeysOfItsOwnAndPlatformsMappingsOnly() {
        assertTrue(code.readsKulturpassVariable("pass-service", "KULTURPASS_STATISTICS_SMALLEST_CELL"));
        assertFalse(code.readsKulturpassVariable("venue-service", "KULTURPASS_STATISTICS_SMALLEST_CELL"));
        assertFalse(code.readsKulturpassVariable("pass-service", "KULTURPASS_STATISTICS_LARGEST_CELL"));
        for (String service : CodeDeclarations.SERVICES) {
            assertTrue(code.readsKulturpassVariable(service, "KULTURPASS_INBOX_RETRY_MAX_DELAY"), service);
            assertFalse(code.readsKulturpassVariable(service, "KULTURPASS_INBOX_RETRY_MAX_DELAYS"), service);
        }
    }

    @Test
    void theDefaultNumberOfPartitionsIsPlatformsTopicsConfigs() {
        assertEquals(3, code.partitions());
    }
}
