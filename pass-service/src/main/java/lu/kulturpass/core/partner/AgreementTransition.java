package lu.kulturpass.core.partner;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The agreement lifecycle as an explicit state machine. Renewal drafts a successor (see Agreements). */
public enum AgreementTransition {
    ACTIVATE(Set.of(AgreementStatus.DRAFT), AgreementStatus.ACTIVE),
    SUSPEND(Set.of(AgreementStatus.ACTIVE), AgreementStatus.SUSPENDED),
    RESUME(Set.of(AgreementStatus.SUSPENDED), AgreementStatus.ACTIVE),
    TERMINATE(Set.of(AgreementStatus.DRAFT, AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED), AgreementStatus.TERMINATED),
    /** By date only, done by the system. */
    EXPIRE(Set.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED), AgreementStatus.EXPIRED);

    private final Set<AgreementStatus> from;
    private final AgreementStatus to;

    AgreementTransition(Set<AgreementStatus> from, AgreementStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(AgreementStatus status) {
        return from.contains(status);
    }

    public AgreementStatus target() {
        return to;
    }

    public static List<AgreementTransition> requestableFrom(AgreementStatus status) {
        return Arrays.stream(values()).filter(t -> t != EXPIRE && t.allowedFrom(status)).toList();
    }
}
