package lu.kulturpass.core.card;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalInt;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Printable cards as PDF (PDFBox): one card on a page of exactly ID-1 size, or a sheet of up to ten
 * cards on A4 (two columns, five rows, with thin cut guides) for batch printing.
 *
 * <p>A plain class, safe to share between threads: CDI makes one ({@link CardRendering}), benchmarks
 * construct it directly.
 */
public final class CardRenderer {

    /** Cards on one A4 sheet: 2 x 85.6 mm across 210 mm, 5 x 53.98 mm down 297 mm. */
    public static final int SHEET_CAPACITY = 10;

    static final PDRectangle ID_1 = new PDRectangle(CardLayout.WIDTH, CardLayout.HEIGHT);

    private final QrCodes qrCodes;
    private final String programmeName;
    private final CardFont font = new CardFont();

    public CardRenderer(QrCodes qrCodes, String programmeName) {
        this.qrCodes = qrCodes;
        this.programmeName = programmeName;
    }

    /** One card as a one-page PDF of exactly 85.60 x 53.98 mm. */
    public byte[] card(CardFace card) {
        return render((document, pdfFont) -> {
            PDPage page = new PDPage(ID_1);
            document.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                new CardLayout(out, pdfFont).draw(card, programmeName, qrCodes.modules(card.content().token()), 0, 0);
            }
        });
    }

    /** Up to {@link #SHEET_CAPACITY} cards on one A4 page, in reading order. */
    public byte[] sheet(List<CardFace> cards) {
        if (cards.isEmpty() || cards.size() > SHEET_CAPACITY) {
            throw new IllegalArgumentException("a sheet holds 1 to " + SHEET_CAPACITY + " cards, not " + cards.size());
        }
        return render((document, pdfFont) -> {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float left = (PDRectangle.A4.getWidth() - 2 * CardLayout.WIDTH) / 2;
            float top = PDRectangle.A4.getHeight() - (PDRectangle.A4.getHeight() - 5 * CardLayout.HEIGHT) / 2;
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                CardLayout layout = new CardLayout(out, pdfFont);
                for (int i = 0; i < cards.size(); i++) {
                    float x = left + (i % 2) * CardLayout.WIDTH;
                    float y = top - (i / 2 + 1) * CardLayout.HEIGHT;
                    layout.cutGuide(x, y);
                    layout.draw(cards.get(i), programmeName, qrCodes.modules(cards.get(i).content().token()), x, y);
                }
            }
        });
    }

    /** The first character of a name that the card's font cannot print (or a control character). */
    public OptionalInt unprintable(String text) {
        return font.unprintable(text);
    }

    private byte[] render(Pages pages) {
        try (PDDocument document = new PDDocument()) {
            pages.addTo(document, font.loadInto(document));
            ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Pages {
        void addTo(PDDocument document, PDFont font) throws IOException;
    }
}
