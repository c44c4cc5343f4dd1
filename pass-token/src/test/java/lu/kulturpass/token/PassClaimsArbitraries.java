package lu.kulturpass.token;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for every claim a signer accepts, spread over the whole range of each field. */
final class PassClaimsArbitraries {

    private static final int LAST_DAY = 0xffff;

    private PassClaimsArbitraries() {
    }

    static Arbitrary<PassClaims> validClaims() {
        Arbitrary<Long> passIds = Arbitraries.longs().between(1, PassClaims.MAX_PASS_ID);
        Arbitrary<int[]> windows = Arbitraries.integers().between(0, LAST_DAY)
                .flatMap(from -> Arbitraries.integers().between(from, LAST_DAY).map(until -> new int[] {from, until}));
        Arbitrary<PassCategory> categories = Arbitraries.of(PassCategory.class);
        Arbitrary<String> initials = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(2), Arbitraries.just("--"));
        Arbitrary<Integer> birthYears = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1900, 2154));
        return Combinators.combine(passIds, windows, categories, initials, birthYears)
                .flatAs((passId, window, category, letters, birthYear) -> groupSizes(category).map(groupSize ->
                        new PassClaims(passId, day(window[0]), day(window[1]), category, groupSize, letters, birthYear)));
    }

    private static Arbitrary<Integer> groupSizes(PassCategory category) {
        return category == PassCategory.COLLECTIVE ? Arbitraries.integers().between(1, 255) : Arbitraries.just(1);
    }

    private static LocalDate day(int daysSinceEpoch) {
        return PassTokenFormat.EPOCH.plusDays(daysSinceEpoch);
    }
}
