package lu.kulturpass.venue.performance;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Where a performance stands: scheduled (admits), or cancelled (final). */
public enum PerformanceStatus {
    SCHEDULED,
    CANCELLED;

    /** The moves a venue manager can make, each from the standings it starts from. */
    public enum Move {
        CHANGE(Set.of(SCHEDULED), SCHEDULED),
        CANCEL(Set.of(SCHEDULED), CANCELLED);

        private final Set<PerformanceStatus> from;
        private final PerformanceStatus to;

        Move(Set<PerformanceStatus> from, PerformanceStatus to) {
            this.from = from;
            this.to = to;
        }

        public boolean allowedFrom(PerformanceStatus status) {
            return from.contains(status);
        }

        public PerformanceStatus target() {
            return to;
        }

        /** What can be done to a performance that stands so. */
        public static List<Move> from(PerformanceStatus status) {
            return Arrays.stream(values()).filter(m -> m.allowedFrom(status)).toList();
        }
    }
}
