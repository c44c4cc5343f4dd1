package lu.kulturpass.core.statistics;

import java.util.Arrays;

/**
 * Why venue-service refused a scan, as its {@code admission.refused} events say it (the {@code reason} field): the
 * refusal chart and exports show it in words ({@code AuditWords.refusalReason}). A reason this service does not know
 * yet (a newer venue-service) is {@link #OTHER}; an event without one, {@link #UNKNOWN}.
 */
public enum RefusalReason {
    NOT_A_KULTURPASS, DAMAGED_CODE, UNKNOWN_KEY, FORGED, NOT_YET_VALID, EXPIRED, SUSPENDED, REVOKED, REPLACED,
    NO_AGREEMENT, CATEGORY_NOT_ACCEPTED, ALREADY_ADMITTED, ALREADY_ADMITTED_TODAY, SOLD_OUT, PERFORMANCE_REQUIRED,
    UNKNOWN_PERFORMANCE, PERFORMANCE_CANCELLED, PERFORMANCE_NOT_TODAY, UNKNOWN_CODE, REFUSED_OFFLINE, UNKNOWN, OTHER;

    /** The reason an event's code names, {@link #OTHER} for one this service does not know. */
    public static RefusalReason of(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst().orElse(OTHER);
    }
}
