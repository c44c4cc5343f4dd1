package lu.kulturpass.core.pass;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The pass lifecycle as an explicit state machine: each transition names the standings it starts from
 * and the one it leads to. Anything else is refused with the list of what is allowed.
 */
public enum Transition {
    /** Temporarily stop a pass (e.g. a doubt to clear up); reversible. */
    SUSPEND(Set.of(PassStatus.ACTIVE), PassStatus.SUSPENDED),
    /** Lift a suspension. */
    REINSTATE(Set.of(PassStatus.SUSPENDED), PassStatus.ACTIVE),
    /** End a pass for good; its token goes on the revocation list. */
    REVOKE(Set.of(PassStatus.ACTIVE, PassStatus.SUSPENDED), PassStatus.REVOKED),
    /** Lost or stolen card: a new pass with a new token; the old token is revoked. */
    REPLACE(Set.of(PassStatus.ACTIVE, PassStatus.SUSPENDED), PassStatus.REPLACED),
    /** New validity for the same holder: a new token for the same pass. */
    RENEW(Set.of(PassStatus.ACTIVE, PassStatus.EXPIRED), PassStatus.ACTIVE),
    /** The validity has ended (done by the system, by date). */
    EXPIRE(Set.of(PassStatus.ACTIVE, PassStatus.SUSPENDED), PassStatus.EXPIRED);

    private final Set<PassStatus> from;
    private final PassStatus to;

    Transition(Set<PassStatus> from, PassStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(PassStatus status) {
        return from.contains(status);
    }

    public PassStatus target() {
        return to;
    }

    /** Whether staff may ask for it (expiry happens by date only). */
    public boolean requestable() {
        return this != EXPIRE;
    }

    /** Whether it gives the holder a pass anew (two more years, or a new card), as issuing does. */
    public boolean issues() {
        return this == RENEW || this == REPLACE;
    }

    /** What staff may do to a pass that stands so. */
    public static List<Transition> requestableFrom(PassStatus status) {
        return Arrays.stream(values()).filter(t -> t.requestable() && t.allowedFrom(status)).toList();
    }
}
