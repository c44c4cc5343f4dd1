package lu.kulturpass.platform.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lu.kulturpass.platform.account.AccountScope.Account;
import lu.kulturpass.platform.account.AccountScope.Actor;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Roles;
import org.junit.jupiter.api.Test;

/** Runs in a service (here venue-service): the refusals are said from the catalogues of words, which need the application. */
@QuarkusTest
class AccountScopeTest {

    private static final String VENUE = "venue-a";
    private static final String OTHER_VENUE = "venue-b";
    private static final String AGENCY = "agency-a";
    private static final String OTHER_AGENCY = "agency-b";

    private static final Actor PROGRAMME = new Actor("p1", "p", Set.of(Roles.PROGRAMME_STAFF), Optional.empty());
    private static final Actor MANAGER = new Actor("m1", "m", Set.of(Roles.VENUE_MANAGER), Optional.of(VENUE));
    private static final Actor LEAD = new Actor("l1", "l", Set.of(Roles.AGENCY_STAFF, Roles.AGENCY_LEAD), Optional.of(AGENCY));
    private static final Actor WORKER = new Actor("w1", "w", Set.of(Roles.AGENCY_STAFF), Optional.of(AGENCY));

    private static Account account(String id, String partner, String... roles) {
        return new Account(id, Set.of(roles), partner);
    }

    private static int refusal(Runnable action) {
        return assertThrows(ProblemException.class, action::run).toProblem().status();
    }

    @Test
    void programmeStaffInviteAnyRoleForAnyPartnerAndProgrammeStaffWithoutOne() {
        assertEquals(OTHER_VENUE, AccountScope.invitation(PROGRAMME, Roles.BOX_OFFICE, false, OTHER_VENUE).partnerId());
        assertEquals(List.of(Roles.VENUE_MANAGER), AccountScope.invitation(PROGRAMME, Roles.VENUE_MANAGER, false, VENUE).roles());
        assertEquals(List.of(Roles.AGENCY_STAFF, Roles.AGENCY_LEAD), AccountScope.invitation(PROGRAMME, Roles.AGENCY_STAFF, true, AGENCY).roles());
        assertNull(AccountScope.invitation(PROGRAMME, Roles.PROGRAMME_STAFF, false, null).partnerId());
    }

    @Test
    void everyRoleButProgrammeStaffNeedsAPartnerAndProgrammeStaffHaveNone() {
        assertEquals(400, refusal(() -> AccountScope.invitation(PROGRAMME, Roles.BOX_OFFICE, false, null)));
        assertEquals(400, refusal(() -> AccountScope.invitation(PROGRAMME, Roles.AGENCY_STAFF, false, " ")));
        assertEquals(400, refusal(() -> AccountScope.invitation(PROGRAMME, Roles.PROGRAMME_STAFF, false, VENUE)));
    }

    @Test
    void anUnknownRoleOrALeadOfAnotherRoleIsABadRequest() {
        assertEquals(400, refusal(() -> AccountScope.invitation(PROGRAMME, "admin", false, VENUE)));
        assertEquals(400, refusal(() -> AccountScope.invitation(PROGRAMME, null, false, VENUE)));
        assertEquals(400, refusal(() -> AccountScope.invitation(PROGRAMME, Roles.AGENCY_LEAD, false, AGENCY)));
        assertEquals(400, refusal(() -> AccountScope.invitation(PROGRAMME, Roles.BOX_OFFICE, true, VENUE)));
    }

    @Test
    void aVenueManagerInvitesBoxOfficeStaffForTheirOwnVenueOnly() {
        assertEquals(VENUE, AccountScope.invitation(MANAGER, Roles.BOX_OFFICE, false, null).partnerId());
        assertEquals(VENUE, AccountScope.invitation(MANAGER, Roles.BOX_OFFICE, false, VENUE).partnerId());
        assertEquals(403, refusal(() -> AccountScope.invitation(MANAGER, Roles.BOX_OFFICE, false, OTHER_VENUE)));
        assertEquals(403, refusal(() -> AccountScope.invitation(MANAGER, Roles.VENUE_MANAGER, false, null)));
        assertEquals(403, refusal(() -> AccountScope.invitation(MANAGER, Roles.AGENCY_STAFF, false, null)));
        assertEquals(403, refusal(() -> AccountScope.invitation(MANAGER, Roles.PROGRAMME_STAFF, false, null)));
    }

    @Test
    void anAgencyLeadInvitesWorkersOfTheirOwnAgencyButNoLeads() {
        assertEquals(AGENCY, AccountScope.invitation(LEAD, Roles.AGENCY_STAFF, false, null).partnerId());
        assertEquals(403, refusal(() -> AccountScope.invitation(LEAD, Roles.AGENCY_STAFF, true, null)));
        assertEquals(403, refusal(() -> AccountScope.invitation(LEAD, Roles.AGENCY_STAFF, false, OTHER_AGENCY)));
        assertEquals(403, refusal(() -> AccountScope.invitation(LEAD, Roles.BOX_OFFICE, false, null)));
    }

    @Test
    void aWorkerWithoutTheLeadRoleManagesNoAccounts() {
        assertFalse(AccountScope.managesAccounts(WORKER));
        assertFalse(AccountScope.managesAccounts(new Actor("m2", "m2", Set.of(Roles.VENUE_MANAGER), Optional.empty())));
        assertEquals(403, refusal(() -> AccountScope.invitation(WORKER, Roles.AGENCY_STAFF, false, null)));
        assertEquals(403, refusal(() -> AccountScope.requireChange(WORKER, account("w2", AGENCY, Roles.AGENCY_STAFF), false)));
    }

    @Test
    void aVenueManagerDisablesTheirVenuesBoxOfficeAccountsAndNoOthers() {
        AccountScope.requireChange(MANAGER, account("b1", VENUE, Roles.BOX_OFFICE), false);
        assertEquals(403, refusal(() -> AccountScope.requireChange(MANAGER, account("b2", OTHER_VENUE, Roles.BOX_OFFICE), false)));
        assertEquals(403, refusal(() -> AccountScope.requireChange(MANAGER, account("m2", VENUE, Roles.VENUE_MANAGER), false)));
        assertEquals(403, refusal(() -> AccountScope.requireChange(MANAGER, account("b3", VENUE, Roles.BOX_OFFICE, Roles.VENUE_MANAGER), false)));
        assertEquals(403, refusal(() -> AccountScope.requireChange(MANAGER, account("w", AGENCY, Roles.AGENCY_STAFF), true)));
    }

    @Test
    void anAgencyLeadDisablesTheirAgencysWorkersButNotLeadsNorOtherAgencies() {
        AccountScope.requireChange(LEAD, account("w2", AGENCY, Roles.AGENCY_STAFF), false);
        AccountScope.requireChange(LEAD, account("w2", AGENCY, Roles.AGENCY_STAFF), true);
        assertEquals(403, refusal(() -> AccountScope.requireChange(LEAD, account("l2", AGENCY, Roles.AGENCY_STAFF, Roles.AGENCY_LEAD), false)));
        assertEquals(403, refusal(() -> AccountScope.requireChange(LEAD, account("w3", OTHER_AGENCY, Roles.AGENCY_STAFF), false)));
    }

    @Test
    void nobodyDisablesTheirOwnAccountNotEvenProgrammeStaff() {
        assertEquals(403, refusal(() -> AccountScope.requireChange(PROGRAMME, account("p1", null, Roles.PROGRAMME_STAFF), false)));
        assertEquals(403, refusal(() -> AccountScope.requireChange(LEAD, account("l1", AGENCY, Roles.AGENCY_STAFF, Roles.AGENCY_LEAD), false)));
        AccountScope.requireChange(PROGRAMME, account("p2", null, Roles.PROGRAMME_STAFF), false);
    }

    @Test
    void programmeStaffManageEveryAccountAndTheListingFollowsTheSameRules() {
        assertTrue(AccountScope.manages(PROGRAMME, account("x", OTHER_AGENCY, Roles.AGENCY_STAFF, Roles.AGENCY_LEAD)));
        assertTrue(AccountScope.manages(MANAGER, account("b1", VENUE, Roles.BOX_OFFICE)));
        assertFalse(AccountScope.manages(MANAGER, account("b2", OTHER_VENUE, Roles.BOX_OFFICE)));
        assertFalse(AccountScope.manages(LEAD, account("l1", AGENCY, Roles.AGENCY_STAFF, Roles.AGENCY_LEAD)));
    }

    @Test
    void refusalsSayWhatTheCallerMayManage() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> AccountScope.invitation(MANAGER, Roles.VENUE_MANAGER, false, null));
        assertTrue(refused.getMessage().contains("box-office accounts of their own venue"), refused.getMessage());
    }

    @Test
    void aTemporaryPasswordPassesTheRealmsPolicyOf12Characters() {
        String password = TemporaryPassword.generate();
        assertEquals(23, password.length());
        assertTrue(password.matches("[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}"), password);
    }

    @Test
    void theAdminAddressIsDerivedFromTheRealmsAddress() {
        assertEquals("https://sign-in.example/admin/realms/kulturpass",
                KeycloakAdmin.adminUrlOf("https://sign-in.example/realms/kulturpass/").orElseThrow());
        assertTrue(KeycloakAdmin.adminUrlOf("https://other-provider.example/oauth2").isEmpty());
    }
}
