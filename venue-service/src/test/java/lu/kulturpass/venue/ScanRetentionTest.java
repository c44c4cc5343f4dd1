package lu.kulturpass.venue;

import static lu.kulturpass.venue.HolderCheckRemovedTest.count;
import static lu.kulturpass.venue.HolderCheckRemovedTest.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.TestDatabase;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.venue.privacy.ScanRetention;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The retention rule on the real database: the scans of a pass that ended longer ago than the period (3 years) lose
 * their token, who scanned and on which device; the scans of a pass that still admits keep them; counts stay.
 */
@QuarkusTest
class ScanRetentionTest {

    private static final String DATABASE = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);

    private final KafkaTopics kafka = KafkaTopics.onTestBroker();

    @Inject
    EntityManager db;

    @Inject
    ScanRetention retention;

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = db.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    @Test
    void scansOfPassesThatEndedLongAgoArePseudonymisedAndStillCounted() {
        String museum = Door.venueFor(this, "museum");
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, museum);
        long ended = Door.nextPassId();
        long admitting = Door.nextPassId();
        long unknown = Door.nextPassId();
        issued(kafka, ended);
        issued(kafka, admitting);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(db, "select count(*) from pass_standing where pass_id in (?1, ?2)",
                ended, admitting) == 2);
        String endedToken = Door.token(ended, PassCategory.ADULT, 1);
        String admittingToken = Door.token(admitting, PassCategory.ADULT, 1);
        String unknownToken = Door.token(unknown, PassCategory.ADULT, 1);
        assertTrue(Door.scan(boxOffice, endedToken, null).getBoolean("admitted"));
        assertTrue(Door.scan(boxOffice, admittingToken, null).getBoolean("admitted"));
        Door.scan(boxOffice, unknownToken, null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime longAgo = now.minusYears(3).minusDays(10);
        sql("update admission set scanned_at = ?1, scan_day = cast(?1 as date) where pass_id in (?2, ?3, ?4)", longAgo, ended, admitting, unknown);
        sql("update pass_standing set status = 'EXPIRED', valid_until = cast(?1 as date), changed_at = ?1 where pass_id = ?2",
                longAgo.minusDays(1), ended);
        long admissions = count(db, "select count(*) from admission where outcome = 'ADMITTED' and venue_id = ?1", museum);

        retention.apply(now);

        assertEquals(List.of(), TestDatabase.tablesHolding(DATABASE, endedToken), "the ended pass's token is still kept");
        assertEquals(0L, count(db, """
                select count(*) from admission where pass_id = ?1
                   and (scanned_by is not null or device is not null or door_device_id is not null)""", ended));
        assertEquals(1L, count(db, "select count(*) from admission where pass_id = ?1 and outcome = 'ADMITTED'", ended), "the scan was deleted");
        assertEquals(List.of("admission"), TestDatabase.tablesHolding(DATABASE, admittingToken), "a pass that still admits lost its scans' tokens");
        assertEquals(1L, count(db, "select count(*) from admission where pass_id = ?1 and device = 'door-1'", admitting));
        assertEquals(List.of(), TestDatabase.tablesHolding(DATABASE, unknownToken), "a scan of an unknown pass keeps its token past the period");
        assertEquals(admissions, count(db, "select count(*) from admission where outcome = 'ADMITTED' and venue_id = ?1", museum));
        assertEquals(0, retention.apply(now), "a second run found scans again");
    }
}
