package lu.kulturpass.token;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a pass token states, and nothing more: the pass, its validity window, its category and the
 * holder check that box-office staff compare with the ID document (initials and birth year).
 *
 * @param passId     the pass number, a 40-bit value (see {@link PassNumber} for its printed form)
 * @param validFrom  first day the pass admits (inclusive)
 * @param validUntil last day the pass admits (inclusive)
 * @param category   adult, child or collective
 * @param groupSize  people admitted at once: 1, or the group size of a collective pass (1..255)
 * @param initials   two letters A-Z, the holder's initials; "--" for a collective pass
 * @param birthYear  holder's birth year; 0 for a collective pass
 */
public record PassClaims(long passId, LocalDate validFrom, LocalDate validUntil, PassCategory category,
                         int groupSize, String initials, int birthYear) {

    /** Two letters A-Z, or -- for a collective pass; compiled once (a card is read at every scan). */
    private static final Pattern INITIALS = Pattern.compile("[A-Z]{2}|--");


    public static final long MAX_PASS_ID = (1L << 40) - 1;

    public PassClaims {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(initials, "initials");
        if (passId < 1 || passId > MAX_PASS_ID) {
            throw new IllegalArgumentException("pass id must be between 1 and 2^40-1");
        }
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil is before validFrom");
        }
        if (groupSize < 1 || groupSize > 255 || (category != PassCategory.COLLECTIVE && groupSize != 1)) {
            throw new IllegalArgumentException("group size must be 1, or 1..255 for a collective pass");
        }
        if (!INITIALS.matcher(initials).matches()) {
            throw new IllegalArgumentException("initials must be two letters A-Z (or -- for a collective pass)");
        }
        if (birthYear != 0 && (birthYear < 1900 || birthYear > 2154)) {
            throw new IllegalArgumentException("birth year must be between 1900 and 2154 (or 0 if none)");
        }
    }

    /** Whether the pass admits on the given day. */
    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
