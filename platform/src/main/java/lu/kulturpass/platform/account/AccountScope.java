package lu.kulturpass.platform.account;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.security.StaffRole;
import lu.kulturpass.platform.words.Words;

/**
 * Who may invite, disable and enable which staff account: the rules in one place, without I/O.
 * <ul>
 *   <li>programme staff manage every account, of any role and partner;</li>
 *   <li>a venue manager manages the box-office accounts of their own venue, nothing else;</li>
 *   <li>an agency's lead worker manages their own agency's workers (agency-staff), not its leads;</li>
 *   <li>every role but programme staff belongs to a partner (an agency or a venue); programme staff belong to none;</li>
 *   <li>nobody disables their own account.</li>
 * </ul>
 * A refusal is a {@link ProblemException} (403 or 400) with a sentence a person understands.
 */
public final class AccountScope {

    /** The roles an account can be given, as a person asks for them (agency-lead comes with agency-staff, {@code lead: true}). */
    public static final List<String> INVITABLE_ROLES =
            List.of(Roles.PROGRAMME_STAFF, Roles.AGENCY_STAFF, Roles.BOX_OFFICE, Roles.VENUE_MANAGER);

    /** The Kulturpass roles an account can hold. */
    public static final List<String> ROLES =
            List.of(Roles.PROGRAMME_STAFF, Roles.AGENCY_STAFF, Roles.AGENCY_LEAD, Roles.BOX_OFFICE, Roles.VENUE_MANAGER);

    /** The person acting: their user id (the token's subject), user name, Kulturpass roles, and partner (empty for programme staff). */
    public record Actor(String userId, String username, Set<String> roles, Optional<String> partnerId) {

        boolean programme() {
            return roles.contains(Roles.PROGRAMME_STAFF);
        }

        boolean venueManager() {
            return roles.contains(Roles.VENUE_MANAGER) && partnerId.isPresent();
        }

        boolean agencyLead() {
            return roles.contains(Roles.AGENCY_LEAD) && roles.contains(Roles.AGENCY_STAFF) && partnerId.isPresent();
        }

        /** The role an actor's action is recorded under: the role that allowed it. */
        public String actingRole() {
            return programme() ? Roles.PROGRAMME_STAFF : venueManager() ? Roles.VENUE_MANAGER : Roles.AGENCY_LEAD;
        }
    }

    /** An account as the provider holds it: its id, Kulturpass roles and partner (null when none). */
    public record Account(String id, Set<String> roles, String partnerId) {
    }

    /** What an invitation asks for, once checked: the roles to give and the partner the account belongs to (null for programme staff). */
    public record Invitation(List<String> roles, String partnerId) {

        /** The account's main role (agency-staff for a lead). */
        public String role() {
            return roles.get(0);
        }
    }

    private AccountScope() {
    }

    /** Whether the actor may manage any account at all (programme staff, a venue manager, an agency lead). */
    public static boolean managesAccounts(Actor actor) {
        return actor.programme() || actor.venueManager() || actor.agencyLead();
    }

    /**
     * The invitation the actor may make for {@code role} (lead: also agency-lead) and the partner they named (programme
     * staff name it; others may leave it out and get their own); a 400 for a request that makes no sense, a 403 for one
     * the actor may not make.
     */
    public static Invitation invitation(Actor actor, String role, boolean lead, String partnerId) {
        if (role == null || !INVITABLE_ROLES.contains(role)) {
            throw ProblemException.badRequest(words().accountChooseRole(INVITABLE_ROLES.stream()
                    .map(r -> words().staffRole(StaffRole.of(r).orElseThrow())).collect(Collectors.joining(", "))));
        }
        if (lead && !Roles.AGENCY_STAFF.equals(role)) {
            throw ProblemException.badRequest(words().accountLeadIsAgencyWorker());
        }
        String partner = partnerId == null || partnerId.isBlank() ? null : partnerId.strip();
        List<String> roles = lead ? List.of(Roles.AGENCY_STAFF, Roles.AGENCY_LEAD) : List.of(role);
        if (actor.programme()) {
            if (Roles.PROGRAMME_STAFF.equals(role) && partner != null) {
                throw ProblemException.badRequest(words().accountProgrammeStaffWithoutPartner());
            }
            if (!Roles.PROGRAMME_STAFF.equals(role) && partner == null) {
                throw ProblemException.badRequest(words().accountNamePartner());
            }
            return new Invitation(roles, partner);
        }
        String own = actor.partnerId().orElse(null);
        if (partner != null && !partner.equals(own)) {
            throw ProblemException.forbidden(words().accountOwnOrganisationOnly());
        }
        if (actor.venueManager() && Roles.BOX_OFFICE.equals(role)) {
            return new Invitation(roles, own);
        }
        if (actor.agencyLead() && Roles.AGENCY_STAFF.equals(role) && !lead) {
            return new Invitation(roles, own);
        }
        throw ProblemException.forbidden(whatYouManage(actor));
    }

    /** Whether the actor may see and manage this account (it is listed for them). */
    public static boolean manages(Actor actor, Account account) {
        if (actor.programme()) {
            return true;
        }
        boolean ownPartner = Objects.equals(actor.partnerId().orElse(null), account.partnerId());
        Set<String> roles = account.roles();
        if (actor.venueManager() && ownPartner && roles.equals(Set.of(Roles.BOX_OFFICE))) {
            return true;
        }
        return actor.agencyLead() && ownPartner && roles.equals(Set.of(Roles.AGENCY_STAFF)) && !account.id().equals(actor.userId());
    }

    /** Requires the actor to be allowed to disable ({@code enabling} false) or enable the account: a 403 saying why otherwise. */
    public static void requireChange(Actor actor, Account account, boolean enabling) {
        if (!enabling && account.id().equals(actor.userId())) {
            throw ProblemException.forbidden(words().accountNotYourself());
        }
        if (!manages(actor, account)) {
            throw ProblemException.forbidden(whatYouManage(actor));
        }
    }

    private static String whatYouManage(Actor actor) {
        if (actor.venueManager()) {
            return words().accountVenueManagerManages();
        }
        if (actor.agencyLead()) {
            return words().accountLeadManages();
        }
        return words().accountRoleManagesNoAccounts();
    }

    private static AccountsWords words() {
        return Words.of(AccountsWords.class);
    }
}
