package lu.kulturpass.core.pass;

/**
 * Where a pass stands. REVOKED, REPLACED are final; EXPIRED can only be renewed. How a pass moves
 * between them is {@link Transition}.
 */
public enum PassStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED,
    REPLACED,
    EXPIRED;

    /** Whether the box office may admit on this standing (dates apart). */
    public boolean admits() {
        return this == ACTIVE;
    }
}
