package lu.kulturpass.testing;

import lu.kulturpass.testing.AccessMatrix.Role;

/**
 * One caller an operation of the {@link AccessMatrix} must refuse, and how. {@code token}: null sends none;
 * {@code method}, {@code body}: null sends the operation's.
 */
record AccessCase(String caller, Kind kind, Role role, String token, int expected, String method, String body) {

    /** What a case tries: a bad or missing token, a role not served, or a served role without, or with the wrong, partner. */
    enum Kind { TOKEN, ROLE, NO_PARTNER, UNKNOWN_PARTNER, ANOTHER_PARTNER }

    AccessCase(String caller, Kind kind, Role role, String token, int expected) {
        this(caller, kind, role, token, expected, null, null);
    }

    AccessCase as(String otherMethod) {
        return new AccessCase(caller, kind, role, token, expected, otherMethod, body);
    }

    AccessCase with(String otherBody) {
        return new AccessCase(caller, kind, role, token, expected, method, otherBody);
    }
}
