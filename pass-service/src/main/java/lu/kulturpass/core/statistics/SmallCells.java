package lu.kulturpass.core.statistics;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The one rule for which cells of a published breakdown show no number (the statistics API, the audit page, the CSV
 * report all take it from here, through {@link ProgrammeFigures}).
 * <ol>
 * <li>Primary suppression: a cell of fewer people than the smallest publishable cell (5) is hidden: so few people
 * could be recognised.</li>
 * <li>Complementary suppression: the breakdown's total is published, so one hidden cell would be the total minus the
 * cells shown. As long as fewer than two cells are hidden, or the hidden cells together hold so few people that one
 * of them could be told to be small (the people hidden, less one for each other hidden cell, under the smallest
 * cell), the smallest cell still shown is hidden too (the first in order on a tie).</li>
 * <li>When even every cell hidden is not enough (a breakdown of one small group, or of many groups of one person),
 * the total itself is hidden, and every breakdown of that total with it.</li>
 * </ol>
 * Every hidden cell reads the same ("hidden"), never "&lt; 5" for some and another word for others: telling which
 * cells are small would give the others' size back. So whatever the figures shown, each hidden cell could hold
 * anything from 1 person to at least the smallest cell: none can be computed, nor known to be small.
 */
public final class SmallCells {

    private SmallCells() {
    }

    /** Which cells to hide, and whether the total must be hidden too. */
    public record Hidden(boolean[] cells, boolean total) {

        public boolean cell(int i) {
            return total || cells[i];
        }
    }

    /** The rule for cells of these sizes (each at least 1, in the order they are published). */
    public static Hidden of(long[] people, int smallestCell) {
        boolean[] hidden = new boolean[people.length];
        for (int i = 0; i < people.length; i++) {
            hidden[i] = people[i] < smallestCell;
        }
        if (!IntStream.range(0, people.length).anyMatch(i -> hidden[i])) {
            return new Hidden(hidden, false);
        }
        Integer[] bySize = IntStream.range(0, people.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> people[i]).thenComparing(i -> i)).toArray(Integer[]::new);
        for (int next : bySize) {
            if (safe(people, hidden, smallestCell)) {
                break;
            }
            hidden[next] = true; // the smallest cell still shown (a hidden one stays hidden)
        }
        return new Hidden(hidden, !safe(people, hidden, smallestCell));
    }

    /** At least two cells hidden, and together enough people that any of them could be as large as the smallest cell. */
    static boolean safe(long[] people, boolean[] hidden, int smallestCell) {
        long count = 0;
        long sum = 0;
        for (int i = 0; i < people.length; i++) {
            if (hidden[i]) {
                count++;
                sum += people[i];
            }
        }
        return count >= 2 && sum - (count - 1) >= smallestCell;
    }
}
