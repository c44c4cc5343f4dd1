package lu.kulturpass.venue.admission;

/**
 * How a scan reached the server: live at the door, or synced later from a scanner that was offline and had already let
 * the holder in or turned them away (its own verdict, which the server records; see {@link AdmissionRules}).
 */
public enum Scanning {
    LIVE,
    OFFLINE_LET_IN,
    OFFLINE_TURNED_AWAY;

    boolean offline() {
        return this != LIVE;
    }

    static Scanning offline(boolean letIn) {
        return letIn ? OFFLINE_LET_IN : OFFLINE_TURNED_AWAY;
    }
}
