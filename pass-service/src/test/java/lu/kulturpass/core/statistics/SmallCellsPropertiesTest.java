package lu.kulturpass.core.statistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link SmallCells}, the complementary suppression of the published breakdowns: whatever the breakdown, no hidden
 * cell can be computed from the total and the cells shown, nor be told to be small.
 */
class SmallCellsPropertiesTest {

    private static final int SMALLEST = 5;

    private static long[] array(List<Long> cells) {
        return cells.stream().mapToLong(Long::longValue).toArray();
    }

    /** The total as published minus the cells shown: what is left for the hidden cells together. */
    private static long totalLessShown(long[] people, SmallCells.Hidden hidden) {
        return IntStream.range(0, people.length).filter(i -> hidden.cell(i)).mapToLong(i -> people[i]).sum();
    }

    @Property(tries = 5000)
    void withOneSmallCellTheTotalLessTheCellsShownIsNeverAHiddenCell(
            @ForAll @Size(min = 0, max = 15) List<@LongRange(min = SMALLEST, max = 80) Long> large,
            @ForAll @LongRange(min = 1, max = SMALLEST - 1) long small, @ForAll @IntRange(min = 0, max = 15) int at) {
        List<Long> cells = new ArrayList<>(large);
        cells.add(Math.min(at, cells.size()), small);
        long[] people = array(cells);
        SmallCells.Hidden hidden = SmallCells.of(people, SMALLEST);
        if (hidden.total()) {
            assertTrue(IntStream.range(0, people.length).allMatch(hidden::cell), "the total hidden, a cell shown");
            return;
        }
        long left = totalLessShown(people, hidden);
        for (int i = 0; i < people.length; i++) {
            if (hidden.cell(i)) {
                assertNotEquals(people[i], left, "cell " + i + " of " + cells + " is the total less the cells shown");
            }
        }
    }

    @Property(tries = 5000)
    void noHiddenCellCanBeComputedNorToldToBeSmall(@ForAll @Size(min = 1, max = 20) List<@LongRange(min = 1, max = 40) Long> cells) {
        long[] people = array(cells);
        SmallCells.Hidden hidden = SmallCells.of(people, SMALLEST);
        long count = IntStream.range(0, people.length).filter(hidden::cell).count();
        for (int i = 0; i < people.length; i++) {
            if (people[i] < SMALLEST) {
                assertTrue(hidden.cell(i), "a small cell shown: " + cells);
            }
        }
        if (count == 0 || hidden.total()) {
            return;
        }
        long left = totalLessShown(people, hidden);
        assertTrue(count >= 2, "one cell hidden alone: " + cells);
        // each hidden cell holds at least 1: the most any one of them could hold, as far as the figures shown tell
        assertTrue(left - (count - 1) >= SMALLEST, "a hidden cell could be told to be small: " + cells);
    }

    @Property(tries = 3000)
    void hidesNoMoreThanItNeeds(@ForAll @Size(min = 1, max = 20) List<@LongRange(min = 1, max = 40) Long> cells) {
        long[] people = array(cells);
        SmallCells.Hidden hidden = SmallCells.of(people, SMALLEST);
        Assume.that(!hidden.total());
        // the complementary cells were added smallest first: showing the largest of them again must break the rule
        int largestComplement = -1;
        for (int i = 0; i < people.length; i++) {
            if (hidden.cell(i) && people[i] >= SMALLEST && (largestComplement < 0 || people[i] >= people[largestComplement])) {
                largestComplement = i;
            }
        }
        if (largestComplement >= 0) {
            boolean[] fewer = hidden.cells().clone();
            fewer[largestComplement] = false;
            assertFalse(SmallCells.safe(people, fewer, SMALLEST), "hid more than needed: " + cells);
        }
    }

    @Property(tries = 1000)
    void aBreakdownWithoutSmallCellsIsShownWhole(@ForAll @Size(min = 0, max = 20) List<@LongRange(min = SMALLEST, max = 500) Long> cells) {
        SmallCells.Hidden hidden = SmallCells.of(array(cells), SMALLEST);
        assertFalse(hidden.total());
        assertTrue(IntStream.range(0, cells.size()).noneMatch(hidden::cell));
    }

    @Example
    void theNextSmallestCellIsHiddenWithASmallOne() {
        SmallCells.Hidden hidden = SmallCells.of(new long[] {9, 6, 2}, SMALLEST);
        assertArrayEquals(new boolean[] {false, true, true}, hidden.cells());
        assertFalse(hidden.total());
    }

    @Example
    void manyGroupsOfOnePersonTakeALargerOneWithThem() {
        SmallCells.Hidden hidden = SmallCells.of(new long[] {1, 1, 30, 1, 1, 1, 50}, SMALLEST);
        assertArrayEquals(new boolean[] {true, true, true, true, true, true, false}, hidden.cells());
        assertFalse(hidden.total());
    }

    @Example
    void aBreakdownOfOneSmallGroupHidesTheTotal() {
        assertTrue(SmallCells.of(new long[] {3}, SMALLEST).total());
        assertTrue(SmallCells.of(new long[] {1, 2}, SMALLEST).total());
        assertFalse(SmallCells.of(new long[] {12}, SMALLEST).total());
    }
}
