package lu.kulturpass.core.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassNumber;
import org.junit.jupiter.api.Test;

/** The renderer is shared by all request threads: cards rendered at the same time must not mix. */
class CardRendererConcurrencyTest {

    /** The characters of the QR alphanumeric mode, which pass tokens are written in (Base45). */
    private static final String QR_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    @Test
    void cardsRenderedOnFourThreadsAtOnceEachCarryTheirOwnNameAndToken() throws Exception {
        CardRenderer renderer = new CardRenderer(new QrCodes(), "Kulturpass");
        Random random = new Random(42);
        LocalDate from = LocalDate.of(2026, 11, 21);
        List<CardContent> cards = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            long passId = 5_000_000L + i;
            StringBuilder token = new StringBuilder("K1");
            while (token.length() < 122) {
                token.append(QR_ALPHANUMERIC.charAt(random.nextInt(QR_ALPHANUMERIC.length())));
            }
            cards.add(new CardContent("Zoë Łukasiewicz " + i, PassNumber.format(passId), from, from.plusYears(2),
                    PassCategory.ADULT, 1, token.toString()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> pdfs = new ArrayList<>();
            for (CardContent card : cards) {
                pdfs.add(pool.submit(() -> renderer.card(CardTestSupport.face(card))));
            }
            for (int i = 0; i < cards.size(); i++) {
                byte[] pdf = pdfs.get(i).get();
                assertEquals(cards.get(i).token(), CardTestSupport.decode(CardTestSupport.render(pdf, 200)).getText());
                String text = CardTestSupport.text(pdf);
                assertTrue(text.contains("Zoë Łukasiewicz " + i + "\n") && text.contains(cards.get(i).passNumber()), text);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
