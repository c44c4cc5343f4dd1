package lu.kulturpass.platform.persistence;

import org.hibernate.exception.ConstraintViolationException;

/** Recognises a unique constraint the database enforced, however deeply the exception wraps it. */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    /** Whether {@code failure} was caused by a violation of the named constraint or unique index. */
    public static boolean of(Throwable failure, String constraintName) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && violation.getConstraintName() != null
                    && violation.getConstraintName().contains(constraintName)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
