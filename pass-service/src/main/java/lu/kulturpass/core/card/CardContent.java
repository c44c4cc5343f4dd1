package lu.kulturpass.core.card;

import java.time.LocalDate;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.token.PassCategory;

/**
 * What one card shows. The holder's name is given at render time by the agency and lives only in
 * this object and the PDF it becomes: it is never stored nor logged.
 */
public record CardContent(String holderName, String passNumber, LocalDate validFrom, LocalDate validUntil,
                          PassCategory category, int groupSize, String token) {

    public static CardContent of(Pass pass, String holderName) {
        return new CardContent(holderName, pass.number, pass.validFrom, pass.validUntil, pass.category,
                pass.groupSize, pass.token);
    }

    @Override
    public String toString() {
        return "CardContent[" + passNumber + "]"; // no name in logs or exception messages
    }
}
