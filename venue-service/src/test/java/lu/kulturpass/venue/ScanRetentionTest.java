package lu.kulturpass.venue;

import static lu.kulturpass.venue.HolderCheckRemovedTest.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.ServiceDatabase;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.venue.privacy.ScanRetention;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The retention rule on the real database: the scans of a pass that ended longer ago than the period (3 years) lose
 * their token, who scanned and on which device; the scans of a pass that still admits keep them; counts stay.
 */
@QuarkusTest
class ScanRetentionTest {

    private final ServiceDatabase database = ServiceDatabase.ofTheServiceUnderTest();
    private final KafkaTopics kafka = KafkaTopics.onTestBroker();

    @Inject
    ScanRetention retention;

    @Test
    void scansOfPassesThatEndedLongAgoArePseudonymisedAndStillCounted() {
        String museum = Door.venueFor(this, "museum");
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, museum);
        long ended = Door.nextPassId();
        long admitting = Door.nextPassId();
        long unknown = Door.nextPassId();
        issued(kafka, ended);
        issued(kafka, admitting);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> database.count("select count(*) from pass_standing where pass_id in (?1, ?2)",
                ended, admitting) == 2);
        String endedToken = Door.token(ended, PassCategory.ADULT, 1);
        String admittingToken = Door.token(admitting, PassCategory.ADULT, 1);
        String unknownToken = Door.token(unknown, PassCategory.ADULT, 1);
        assertTrue(Door.scan(boxOffice, endedToken, null).getBoolean("admitted"));
        assertTrue(Door.scan(boxOffice, admittingToken, null).getBoolean("admitted"));
        Door.scan(boxOffice, unknownToken, null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime longAgo = now.minusYears(3).minusDays(10);
        database.update("update admission set scanned_at = ?1, scan_day = cast(?1 as date) where pass_id in (?2, ?3, ?4)", longAgo, ended, admitting, unknown);
        database.update("update pass_standing set status = 'EXPIRED', valid_until = cast(?1 as date), changed_at = ?1 where pass_id = ?2",
                longAgo.minusDays(1), ended);
        long admissions = database.count("select count(*) from admission where outcome = 'ADMITTED' and venue_id = ?1", museum);

        retention.apply(now);

        assertEquals(List.of(), database.tablesHolding(endedToken), "the ended pass's token is still kept");
        assertEquals(0L, database.count("""
                select count(*) from admission where pass_id = ?1
                   and (scanned_by is not null or device is not null or door_device_id is not null)""", ended));
        assertEquals(1L, database.count("select count(*) from admission where pass_id = ?1 and outcome = 'ADMITTED'", ended), "the scan was deleted");
        assertEquals(List.of("admission"), database.tablesHolding(admittingToken), "a pass that still admits lost its scans' tokens");
        assertEquals(1L, database.count("select count(*) from admission where pass_id = ?1 and device = 'door-1'", admitting));
        assertEquals(List.of(), database.tablesHolding(unknownToken), "a scan of an unknown pass keeps its token past the period");
        assertEquals(admissions, database.count("select count(*) from admission where outcome = 'ADMITTED' and venue_id = ?1", museum));
        assertEquals(0, retention.apply(now), "a second run found scans again");
    }
}
