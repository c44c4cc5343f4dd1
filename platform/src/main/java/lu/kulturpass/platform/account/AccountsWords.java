package lu.kulturpass.platform.account;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import lu.kulturpass.events.AccountChange.Action;
import lu.kulturpass.platform.security.StaffRole;

/**
 * The staff accounts' words: the panel every page shows ({@code /kulturpass/accounts.js}, words {@code accounts…}), the
 * roles and changes in words, and the refusals of {@link AccountsResource}, {@link AccountScope} and
 * {@link KeycloakAdmin}. The texts are in {@code messages/accounts_<language>.properties}.
 */
@MessageBundle(value = "accounts", locale = "en")
public interface AccountsWords {

    /** A staff role in words (keys staffRole_$PROGRAMME_STAFF…: Qute writes _$ before a constant with an underscore). */
    @Message
    String staffRole(StaffRole role);

    /** A change of an account in words (keys accountChange_INVITED…). */
    @Message
    String accountChange(Action action);

    // the panel

    @Message
    String accountsTitle();

    @Message
    String accountsIntro(String whose);

    @Message
    String accountsEveryone();

    @Message
    String accountsYourVenue();

    @Message
    String accountsYourAgency();

    @Message
    String accountsPartner();

    @Message
    String accountsAllPartners();

    @Message
    String accountsNoPartner();

    @Message
    String accountsUsername();

    @Message
    String accountsName();

    @Message
    String accountsFirstName();

    @Message
    String accountsLastName();

    @Message
    String accountsEmail();

    @Message
    String accountsRole();

    @Message
    String accountsStatus();

    @Message
    String accountsCreated();

    /** The header of the column of buttons (disable, enable): read by screen readers only. */
    @Message
    String accountsActions();

    @Message
    String accountsEnabled();

    @Message
    String accountsDisabled();

    @Message
    String accountsDisable();

    @Message
    String accountsEnable();

    @Message
    String accountsNone();

    @Message
    String accountsConfirmDisable(String username);

    @Message
    String accountsInvite();

    @Message
    String accountsInviteSubmit();

    @Message
    String accountsUsernameHint();

    @Message
    String accountsInvited(String username);

    @Message
    String accountsHandOver(String name);

    @Message
    String accountsCopied();

    @Message
    String accountsCopy();

    @Message
    String accountsDisabledDone(String username);

    @Message
    String accountsEnabledDone(String username);

    @Message
    String accountsRefused(String reason);

    @Message
    String accountsError(String reason);

    @Message
    String accountsChanges();

    @Message
    String accountsWhen();

    @Message
    String accountsAccount();

    @Message
    String accountsWhat();

    @Message
    String accountsWho();

    @Message
    String accountsNoChanges();

    // refusals

    @Message
    String accountSendInvitation();

    @Message
    String accountUsernameForm();

    /** {@code label}: the field's label ({@link #accountsFirstName()}…). */
    @Message
    String accountFieldMissing(String label);

    @Message
    String accountFieldTooLong(String label);

    @Message
    String accountEmailNotOne();

    @Message
    String accountPartnerNotAgency();

    @Message
    String accountPartnerNotVenue();

    @Message
    String accountRoleManagesNoAccounts();

    @Message
    String accountOrganisationUnknown();

    @Message
    String accountChooseRole(String roles);

    @Message
    String accountLeadIsAgencyWorker();

    @Message
    String accountProgrammeStaffWithoutPartner();

    @Message
    String accountNamePartner();

    @Message
    String accountOwnOrganisationOnly();

    @Message
    String accountNotYourself();

    @Message
    String accountVenueManagerManages();

    @Message
    String accountLeadManages();

    @Message
    String accountManagementNotConfigured();

    @Message
    String accountRealmLacksRoles(String roles);

    @Message
    String accountKeycloakUnreachable();

    @Message
    String accountNotFound();

    @Message
    String accountExists();

    @Message
    String accountKeycloakRefused(String reason);

    @Message
    String accountKeycloakDidNotChange(String status);

    @Message
    String accountKeycloakNoToken(String client);
}
