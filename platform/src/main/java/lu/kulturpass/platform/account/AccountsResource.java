package lu.kulturpass.platform.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lu.kulturpass.events.AccountChange;
import lu.kulturpass.events.AccountChange.Action;
import lu.kulturpass.platform.account.AccountScope.Account;
import lu.kulturpass.platform.account.AccountScope.Actor;
import lu.kulturpass.platform.account.AccountScope.Invitation;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.problem.ProblemWords;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Staff accounts, managed where the work is (served by every service; the pages call their own service): programme
 * staff for any partner, a venue manager for their venue's box office, an agency's lead worker for their agency
 * ({@link AccountScope}). Accounts live in Keycloak, changed through its admin API ({@link KeycloakAdmin}); every change
 * is recorded in the outbox as {@code account.changed} in the same transaction, written before Keycloak is asked, so a
 * change Keycloak refuses records nothing.
 */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROGRAMME_STAFF, Roles.VENUE_MANAGER, Roles.AGENCY_LEAD})
public class AccountsResource {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** An account as the pages list it. */
    public record AccountView(String id, String username, String firstName, String lastName, String email, List<String> roles,
                              String partnerId, boolean enabled, OffsetDateTime created) {
    }

    /** An invitation: programme staff name the partner; others invite for their own. {@code lead}: an agency's lead worker. */
    public record InviteRequest(String username, String firstName, String lastName, String email, String role, String partnerId,
                                Boolean lead) {
    }

    /** The new account, with its one-time password: shown once, for the inviter to hand over. */
    public record InvitedAccount(AccountView account, String temporaryPassword) {
    }

    private final Caller caller;
    private final KeycloakAdmin keycloak;
    private final AccountPartners partners;
    private final Outbox outbox;
    private final ProgrammeCalendar calendar;

    public AccountsResource(Caller caller, KeycloakAdmin keycloak, AccountPartners partners, Outbox outbox,
                            ProgrammeCalendar calendar) {
        this.caller = caller;
        this.keycloak = keycloak;
        this.partners = partners;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    @GET
    @Operation(summary = "The staff accounts the caller may manage (programme staff: all, or one partner's with partnerId)")
    public List<AccountView> list(@QueryParam("partnerId") String partnerId) {
        Actor actor = actor();
        String partner = actor.partnerId().orElse(partnerId == null || partnerId.isBlank() ? null : partnerId.strip());
        return keycloak.users(partner).stream().map(user -> account(user, keycloak.realmRoles(user.id())))
                .filter(view -> AccountScope.manages(actor, new Account(view.id(), Set.copyOf(view.roles()), view.partnerId())))
                .sorted(Comparator.comparing(AccountView::username)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Invites a person: an enabled account with a one-time password (answered once) they change at their first sign-in")
    public Response invite(InviteRequest request) {
        Actor actor = actor();
        if (request == null) {
            throw ProblemException.badRequest(Words.of(AccountsWords.class).accountSendInvitation());
        }
        Invitation invitation = AccountScope.invitation(actor, request.role(), Boolean.TRUE.equals(request.lead()), request.partnerId());
        String username = request.username() == null ? "" : request.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw ProblemException.badRequest(Words.of(AccountsWords.class).accountUsernameForm());
        }
        AccountsWords words = Words.of(AccountsWords.class);
        String firstName = required(request.firstName(), words.accountsFirstName());
        String lastName = required(request.lastName(), words.accountsLastName());
        String email = required(request.email(), words.accountsEmail());
        if (!EMAIL.matcher(email).matches()) {
            throw ProblemException.badRequest(words.accountEmailNotOne());
        }
        if (invitation.partnerId() != null && !partners.holds(invitation.role(), invitation.partnerId())) {
            throw ProblemException.badRequest(Roles.AGENCY_STAFF.equals(invitation.role())
                    ? words.accountPartnerNotAgency() : words.accountPartnerNotVenue());
        }
        keycloak.requireConfigured();
        String role = mainRole(invitation.roles());
        AccountChange invited = change(null, username, Action.INVITED, role, invitation.partnerId(), actor);
        UUID eventId = record(invited);
        String password = TemporaryPassword.generate();
        KeycloakUsers.User user = new KeycloakUsers.User(null, username, firstName, lastName, email, true, false, null,
                invitation.partnerId() == null ? null : Map.of(KeycloakAdmin.PARTNER_ATTRIBUTE, List.of(invitation.partnerId())),
                List.of("UPDATE_PASSWORD"), List.of(new KeycloakUsers.Credential("password", password, true)), null);
        String id = keycloak.create(user, invitation.roles());
        try {
            outbox.amend(eventId, invited.withIds(eventId, id));
        } catch (RuntimeException failed) {
            keycloak.delete(id);
            throw failed;
        }
        AccountView view = new AccountView(id, username, firstName, lastName, email, invitation.roles(), invitation.partnerId(), true,
                calendar.nowUtc());
        return Response.status(Response.Status.CREATED).entity(new InvitedAccount(view, password)).build();
    }

    @POST
    @Path("/{id}/disable")
    @Transactional
    @Operation(summary = "Disables an account: it cannot sign in, and its access ends when its access token expires (minutes)")
    public AccountView disable(@PathParam("id") String id) {
        return setEnabled(id, false);
    }

    @POST
    @Path("/{id}/enable")
    @Transactional
    @Operation(summary = "Enables a disabled account again")
    public AccountView enable(@PathParam("id") String id) {
        return setEnabled(id, true);
    }

    private AccountView setEnabled(String id, boolean enabled) {
        Actor actor = actor();
        keycloak.requireConfigured();
        KeycloakUsers.User user = keycloak.user(id);
        AccountView account = account(user, keycloak.realmRoles(id));
        AccountScope.requireChange(actor, new Account(id, Set.copyOf(account.roles()), account.partnerId()), enabled);
        if (account.enabled() == enabled) {
            return account;   // already so: nothing changes, nothing is recorded
        }
        record(change(id, account.username(), enabled ? Action.ENABLED : Action.DISABLED, mainRole(account.roles()), account.partnerId(), actor));
        keycloak.setEnabled(id, enabled);
        return new AccountView(account.id(), account.username(), account.firstName(), account.lastName(), account.email(),
                account.roles(), account.partnerId(), enabled, account.created());
    }

    /** The caller as an actor, once their role and partner are checked: a 403 unless they manage accounts for a partner this service knows. */
    private Actor actor() {
        Actor actor = new Actor(caller.userId(), caller.username(),
                AccountScope.ROLES.stream().filter(caller::hasRole).collect(Collectors.toSet()), caller.partner());
        if (!AccountScope.managesAccounts(actor)) {
            if (actor.partnerId().isEmpty()) {
                throw ProblemException.forbidden(Words.of(ProblemWords.class).problemNotLinkedToPartner());
            }
            throw ProblemException.forbidden(Words.of(AccountsWords.class).accountRoleManagesNoAccounts());
        }
        String role = actor.actingRole();
        if (!Roles.PROGRAMME_STAFF.equals(role)
                && !partners.holds(Roles.AGENCY_LEAD.equals(role) ? Roles.AGENCY_STAFF : role, actor.partnerId().orElseThrow())) {
            throw ProblemException.forbidden(Words.of(AccountsWords.class).accountOrganisationUnknown());
        }
        return actor;
    }

    /** Writes the change to the outbox, keyed by the user name (unique and never changed in the realm): an account's changes stay in order. */
    private UUID record(AccountChange change) {
        return outbox.record(AccountChange.TOPIC, change.username(), AccountChange.TYPE, AccountChange.VERSION,
                eventId -> change.withIds(eventId, change.accountId()));
    }

    private AccountChange change(String accountId, String username, Action action, String role, String partnerId, Actor actor) {
        return new AccountChange(null, accountId, username, action, role, partnerId, actor.userId(), actor.username(), actor.actingRole(),
                calendar.nowUtc());
    }

    private static AccountView account(KeycloakUsers.User user, List<String> realmRoles) {
        List<String> roles = AccountScope.ROLES.stream().filter(realmRoles::contains).toList();
        OffsetDateTime created = user.createdTimestamp() == null ? null
                : OffsetDateTime.ofInstant(Instant.ofEpochMilli(user.createdTimestamp()), ZoneOffset.UTC);
        return new AccountView(user.id(), user.username(), user.firstName(), user.lastName(), user.email(), roles, user.partnerId(),
                !Boolean.FALSE.equals(user.enabled()), created);
    }

    /** The role an account is recorded under: its highest Kulturpass role. */
    static String mainRole(List<String> roles) {
        return List.of(Roles.PROGRAMME_STAFF, Roles.VENUE_MANAGER, Roles.AGENCY_LEAD, Roles.AGENCY_STAFF, Roles.BOX_OFFICE).stream()
                .filter(roles::contains).findFirst().orElse(null);
    }

    /** {@code label}: the field's label in the caller's language, as the panel shows it. */
    private static String required(String value, String label) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(Words.of(AccountsWords.class).accountFieldMissing(label));
        }
        if (value.strip().length() > 255) {
            throw ProblemException.badRequest(Words.of(AccountsWords.class).accountFieldTooLong(label));
        }
        return value.strip();
    }
}
