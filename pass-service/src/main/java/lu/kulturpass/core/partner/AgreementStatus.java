package lu.kulturpass.core.partner;

/** Where an agreement stands; TERMINATED and EXPIRED are final (an expired one can be renewed). */
public enum AgreementStatus {
    DRAFT,
    ACTIVE,
    SUSPENDED,
    TERMINATED,
    EXPIRED;

    /** Whether holders are admitted (cultural) or enrolled (social) under it, dates apart. */
    public boolean inForce() {
        return this == ACTIVE;
    }
}
