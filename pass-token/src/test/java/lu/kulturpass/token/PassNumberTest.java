package lu.kulturpass.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PassNumberTest {

    @Test
    void formatsAsTwoGroupsOfFourAndACheckCharacter() {
        String number = PassNumber.format(123_456_789L);
        assertTrue(number.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]"), number);
        assertEquals(OptionalLong.of(123_456_789L), PassNumber.parse(number));
    }

    @Test
    void typedNumberIsReadDespiteCaseSpacesAndLookAlikes() {
        String number = PassNumber.format(1L);
        assertEquals(OptionalLong.of(1L), PassNumber.parse(" " + number.toLowerCase().replace('0', 'o') + " "));
    }

    @Test
    void anySingleWrongCharacterOrNeighbourSwapIsCaught() {
        String body = PassNumber.format(987_654_321L).replace("-", "");
        for (int i = 0; i < body.length(); i++) {
            for (char c : PassNumber.ALPHABET.toCharArray()) {
                if (c != body.charAt(i)) {
                    String typo = body.substring(0, i) + c + body.substring(i + 1);
                    assertTrue(PassNumber.parse(typo).isEmpty(), typo);
                }
            }
        }
        for (int i = 0; i + 1 < body.length(); i++) {
            if (body.charAt(i) != body.charAt(i + 1)) {
                String swapped = body.substring(0, i) + body.charAt(i + 1) + body.charAt(i) + body.substring(i + 2);
                assertTrue(PassNumber.parse(swapped).isEmpty(), swapped);
            }
        }
    }
}
