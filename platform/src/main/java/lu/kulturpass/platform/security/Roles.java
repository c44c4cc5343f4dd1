package lu.kulturpass.platform.security;

/** The roles a bearer token can carry (in its {@code groups} claim, or Keycloak's realm roles). */
public final class Roles {

    /** Social agency workers: enrol beneficiaries, decide, hand out cards. Scoped to their agency. */
    public static final String AGENCY_STAFF = "agency-staff";
    /** Box-office staff: scan cards at the door. Scoped to their venue. */
    public static final String BOX_OFFICE = "box-office";
    /** A venue's manager: its performances and the Kulturpass places each offers. Scoped to their venue. */
    public static final String VENUE_MANAGER = "venue-manager";
    /** An agency's lead worker (held with agency-staff): invites and disables their agency's workers. Scoped to their agency. */
    public static final String AGENCY_LEAD = "agency-lead";
    /** Cultur'all staff: agreements, partners, statistics and audit across the programme. */
    public static final String PROGRAMME_STAFF = "programme-staff";

    /** The claim naming the partner (agency or venue) a staff member belongs to. */
    public static final String PARTNER_CLAIM = "partner_id";

    private Roles() {
    }
}
