package lu.kulturpass.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** The staff roles ({@link Roles}) as constants, for saying a role in words ({@code AccountsWords.staffRole}). */
public enum StaffRole {
    PROGRAMME_STAFF(Roles.PROGRAMME_STAFF),
    AGENCY_STAFF(Roles.AGENCY_STAFF),
    AGENCY_LEAD(Roles.AGENCY_LEAD),
    BOX_OFFICE(Roles.BOX_OFFICE),
    VENUE_MANAGER(Roles.VENUE_MANAGER);

    private final String role;

    StaffRole(String role) {
        this.role = role;
    }

    /** The role as tokens carry it: {@code programme-staff}. */
    public String role() {
        return role;
    }

    public static Optional<StaffRole> of(String role) {
        return Arrays.stream(values()).filter(r -> r.role.equals(role)).findFirst();
    }
}
