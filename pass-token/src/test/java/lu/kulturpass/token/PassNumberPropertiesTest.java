package lu.kulturpass.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The printed pass number's check character, over arbitrary pass ids and typing errors (jqwik). */
class PassNumberPropertiesTest {

    @Property
    void printedNumberReadsBackToItsPassId(@ForAll @LongRange(min = 1, max = PassClaims.MAX_PASS_ID) long passId) {
        assertEquals(OptionalLong.of(passId), PassNumber.parse(PassNumber.format(passId)));
    }

    @Property
    void anySingleWrongCharacterIsCaught(@ForAll @LongRange(min = 1, max = PassClaims.MAX_PASS_ID) long passId,
                                         @ForAll @IntRange(max = 8) int position, @ForAll @IntRange(max = 31) int digit) {
        String typed = digits(passId);
        char wrong = PassNumber.ALPHABET.charAt(digit);
        Assume.that(typed.charAt(position) != wrong);
        assertTrue(PassNumber.parse(typed.substring(0, position) + wrong + typed.substring(position + 1)).isEmpty());
    }

    @Property
    void anySwapOfTwoNeighboursIsCaughtExceptZeroAndZ(@ForAll @LongRange(min = 1, max = PassClaims.MAX_PASS_ID) long passId,
                                                      @ForAll @IntRange(max = 7) int position) {
        String typed = digits(passId);
        String pair = typed.substring(position, position + 2);
        Assume.that(pair.charAt(0) != pair.charAt(1) && !pair.equals("0Z") && !pair.equals("Z0"));
        String swapped = typed.substring(0, position) + pair.charAt(1) + pair.charAt(0) + typed.substring(position + 2);
        assertTrue(PassNumber.parse(swapped).isEmpty(), swapped);
    }

    @Property
    void swappingZeroAndZIsTheOneNeighbourSwapTheCheckMisses(@ForAll @IntRange(max = 6) int position) {
        String zeros = "00000000";
        String body = zeros.substring(0, position) + "0Z" + zeros.substring(position + 2);
        String swapped = zeros.substring(0, position) + "Z0" + zeros.substring(position + 2);
        String check = PassNumber.format(valueOf(body)).substring(10);
        assertEquals(OptionalLong.of(valueOf(swapped)), PassNumber.parse(swapped + check));
    }

    private static String digits(long passId) {
        return PassNumber.format(passId).replace("-", "");
    }

    private static long valueOf(String body) {
        long value = 0;
        for (char c : body.toCharArray()) {
            value = value << 5 | PassNumber.ALPHABET.indexOf(c);
        }
        return value;
    }
}
