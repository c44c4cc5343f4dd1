package lu.kulturpass.benchmarks.card;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import lu.kulturpass.core.card.CardContent;
import lu.kulturpass.core.card.CardFace;
import lu.kulturpass.core.card.CardRenderer;
import lu.kulturpass.core.card.CardText;
import lu.kulturpass.core.card.QrCodes;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassNumber;
import lu.kulturpass.token.PassTokenSigner;
import lu.kulturpass.token.SigningKeyPair;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Printable cards per second: for each card, the QR code of a real signed 122-character token is
 * encoded (ZXing) and a one-page ID-1 PDF is written (PDFBox) with an accented name. Two threads, as
 * on the service's two cores. Target: at least 500 cards a second. Results: docs/cards.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
public class CardRenderingBenchmark {

    private static final int CARDS = 64;

    private CardRenderer renderer;
    private CardFace[] cards;

    @Setup
    public void setUp() {
        renderer = new CardRenderer(new QrCodes(), "Kulturpass");
        PassTokenSigner signer = new PassTokenSigner(1, SigningKeyPair.generate().privateKey());
        LocalDate from = LocalDate.of(2026, 11, 21);
        String[] names = {"Zoë Łukasiewicz", "Jean-Marie Weber", "Ana Conceição da Silva", "Søren Ørsted-Müller"};
        cards = new CardFace[CARDS];
        CardText french = CardText.in(Language.FR);
        for (int i = 0; i < CARDS; i++) {
            long passId = 1_000_000L + i * 7919L;
            PassCategory category = PassCategory.values()[i % 3];
            int groupSize = category == PassCategory.COLLECTIVE ? 12 : 1;
            String token = signer.sign(new PassClaims(passId, from, from.plusYears(2), category, groupSize,
                    category == PassCategory.COLLECTIVE ? "--" : "ZL", category == PassCategory.COLLECTIVE ? 0 : 1984));
            CardContent content = new CardContent(names[i % names.length], PassNumber.format(passId), from, from.plusYears(2),
                    category, groupSize, token);
            // the card's words as the service prints them in French, from its catalogue
            cards[i] = french.face(content);
        }
    }

    /**
     * Per benchmark thread: which card comes next, and the CPU time the thread spent, so that
     * {@code cpuMicros / cards} gives the cost of a card even when other processes share the cores
     * (then ops/s falls, the CPU cost per card does not).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cursor {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        int next;
        long startNanos;
        /** Cards rendered in the iteration (both threads). */
        public long cards;
        /** CPU time the benchmark threads used in the iteration, in microseconds. */
        public long cpuMicros;

        @Setup(Level.Iteration)
        public void start() {
            cards = 0;
            cpuMicros = 0;
            startNanos = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            cpuMicros = (THREADS.getCurrentThreadCpuTime() - startNanos) / 1000;
        }
    }

    @Benchmark
    public byte[] idOneCardPdf(Cursor cursor) {
        CardFace card = cards[cursor.next++ & (CARDS - 1)];
        cursor.cards++;
        return renderer.card(card);
    }
}
