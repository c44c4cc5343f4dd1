package lu.kulturpass.core.partner;

/** What a cultural partner gives holders: free entry (museums), or a ticket at an agreed price. */
public enum Benefit {
    FREE_ENTRY,
    REDUCED_PRICE
}
