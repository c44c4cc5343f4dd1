package lu.kulturpass.platform.inbox;

import static lu.kulturpass.platform.inbox.EventContract.assertEveryFieldSet;
import static lu.kulturpass.platform.inbox.EventContract.read;
import static lu.kulturpass.platform.inbox.EventContract.written;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import lu.kulturpass.events.AccountChange;
import lu.kulturpass.events.AccountChange.Action;
import org.junit.jupiter.api.Test;

/** {@code kulturpass.accounts}: every service writes (AccountsResource); pass-service's AccountChangeFeed reads. */
class AccountTopicContractTest {

    private static final UUID EVENT = UUID.fromString("7b9d1f3a-5c8e-4c0a-9f6b-8c0e2a4c6e37");
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 7, 18, 2, 3, 456_789_000, ZoneOffset.UTC);

    @Test
    void anAccountChangeIsWrittenAsBeforeAndReadWithEveryField() {
        AccountChange change = new AccountChange(EVENT, "kc-1", "anna.box", Action.DISABLED, "box-office", "partner-1", "kc-0",
                "manager.one", "venue-manager", AT);
        assertEveryFieldSet(change);
        String data = written(change);
        assertEquals("{\"eventId\":\"" + EVENT + "\",\"accountId\":\"kc-1\",\"username\":\"anna.box\",\"action\":\"DISABLED\","
                + "\"role\":\"box-office\",\"partnerId\":\"partner-1\",\"actorId\":\"kc-0\",\"actorUsername\":\"manager.one\","
                + "\"actorRole\":\"venue-manager\",\"at\":\"2026-12-07T18:02:03.456789Z\"}", data);
        assertEquals(change, read(AccountChange.TYPE, AccountChange.VERSION, data, AccountChange.class));
    }

    @Test
    void anInvitationOfProgrammeStaffWithOnlyTheRequiredFieldsIsRead() {
        AccountChange invited = read(AccountChange.TYPE, 1, "{\"username\":\"new.staff\",\"action\":\"INVITED\",\"actorId\":\"kc-0\","
                + "\"at\":\"2026-12-07T18:02:03Z\",\"device\":{\"kind\":\"tablet\"}}", AccountChange.class);
        assertEquals(Action.INVITED, invited.action());
        assertEquals(AT.withNano(0), invited.at());
        assertNull(invited.accountId());
        assertNull(invited.partnerId());
    }
}
