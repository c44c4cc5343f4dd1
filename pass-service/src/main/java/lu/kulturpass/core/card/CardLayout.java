package lu.kulturpass.core.card;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws one ID-1 card (ISO/IEC 7810: 85.60 x 53.98 mm) with its lower-left corner at a given point:
 * a coloured band with the programme's name; on the left the holder's name, the pass number, the
 * validity, "child" or "group of N" when the door needs it, and the notice that the card goes with an
 * ID document; on the right the QR code, drawn as vector squares so it is sharp at any printer's
 * resolution (36 mm wide, about 0.8 mm per module).
 */
final class CardLayout {

    static final float MM = 72f / 25.4f;
    static final float WIDTH = 85.60f * MM;
    static final float HEIGHT = 53.98f * MM;

    private static final float MARGIN = 3 * MM;
    private static final float BAND = 9 * MM;
    private static final float QR_SIZE = 36 * MM;
    private static final float QR_RIGHT = 1.5f * MM;
    /** The left column ends where the QR code's quiet zone begins: nothing may be printed in it. */
    private static final float TEXT_WIDTH = WIDTH - QR_SIZE - QR_RIGHT - MARGIN;
    private static final float[] BAND_COLOUR = {0.11f, 0.23f, 0.45f};
    private static final float[] LABEL_GREY = {0.35f, 0.35f, 0.35f};
    private static final String ELLIPSIS = "…";

    private final PDPageContentStream out;
    private final PDFont font;

    CardLayout(PDPageContentStream out, PDFont font) {
        this.out = out;
        this.font = font;
    }

    void draw(CardFace face, String programme, BitMatrix qr, float x, float y) throws IOException {
        CardContent card = face.content();
        out.setNonStrokingColor(BAND_COLOUR[0], BAND_COLOUR[1], BAND_COLOUR[2]);
        out.addRect(x, y + HEIGHT - BAND, WIDTH, BAND);
        out.fill();
        out.setNonStrokingColor(1f, 1f, 1f);
        text(programme, 13, x + MARGIN, y + HEIGHT - BAND + 2.6f * MM);

        float left = x + MARGIN;
        float cursor = y + HEIGHT - BAND - 3.2f * MM;
        Fitted name = fit(card.holderName(), 11, 7, 2);
        if (name.shortened()) {
            name = fit(card.holderName(), 7, 6, 3); // a long name: a third, smaller line rather than cut it
        }
        cursor = labelled(face.nameLabel(), name, left, cursor);
        cursor = labelled(face.numberLabel(), Fitted.line(10, card.passNumber()), left, cursor);
        cursor = labelled(face.validityLabel(), Fitted.line(7, face.validity()), left, cursor);
        Optional<String> category = face.category();
        if (category.isPresent()) {
            out.setNonStrokingColor(BAND_COLOUR[0], BAND_COLOUR[1], BAND_COLOUR[2]);
            Fitted line = fit(category.get(), 8.5f, 6, 1);
            text(line.lines().get(0), line.size(), left, cursor - line.size());
        }
        Fitted notice = fit(face.notice(), 5.5f, 5.5f, 2);
        out.setNonStrokingColor(LABEL_GREY[0], LABEL_GREY[1], LABEL_GREY[2]);
        lines(notice, left, y + MARGIN + (notice.lines().size() - 1) * notice.leading());

        drawQr(qr, x + WIDTH - QR_SIZE - QR_RIGHT, y + (HEIGHT - BAND - QR_SIZE) / 2);
    }

    /** A thin grey outline to cut along, for cards on a sheet. */
    void cutGuide(float x, float y) throws IOException {
        out.setStrokingColor(0.75f, 0.75f, 0.75f);
        out.setLineWidth(0.25f);
        out.addRect(x, y, WIDTH, HEIGHT);
        out.stroke();
    }

    private float labelled(String label, Fitted value, float x, float top) throws IOException {
        out.setNonStrokingColor(LABEL_GREY[0], LABEL_GREY[1], LABEL_GREY[2]);
        text(label, 5.5f, x, top - 5.5f);
        out.setNonStrokingColor(0f, 0f, 0f);
        float firstBaseline = top - 5.5f - value.leading();
        lines(value, x, firstBaseline);
        return firstBaseline - (value.lines().size() - 1) * value.leading() - 0.9f * value.size() - 1.2f * MM;
    }

    private void drawQr(BitMatrix qr, float x, float y) throws IOException {
        float module = QR_SIZE / qr.getWidth();
        out.setNonStrokingColor(1f, 1f, 1f);
        out.addRect(x, y, QR_SIZE, QR_SIZE);
        out.fill();
        out.setNonStrokingColor(0f, 0f, 0f);
        QrCodes.forEachDarkRun(qr, (mx, my, length) ->
                out.addRect(x + mx * module, y + QR_SIZE - (my + 1) * module, length * module, module));
        out.fill();
    }

    private void lines(Fitted fitted, float x, float firstBaseline) throws IOException {
        float baseline = firstBaseline;
        for (String line : fitted.lines()) {
            text(line, fitted.size(), x, baseline);
            baseline -= fitted.leading();
        }
    }

    private void text(String text, float size, float x, float baseline) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    /**
     * The largest size from {@code max} down to {@code min} at which the text fits the left column in
     * at most {@code maxLines} lines (broken between words); at the smallest size, the last line is
     * shortened with an ellipsis.
     */
    Fitted fit(String text, float max, float min, int maxLines) throws IOException {
        for (float size = max; size >= min; size -= 0.5f) {
            List<String> lines = wrap(text, size);
            if (lines.size() <= maxLines && fits(lines, size)) {
                return new Fitted(size, lines, false);
            }
        }
        List<String> all = wrap(text, min);
        List<String> lines = new ArrayList<>(all.subList(0, Math.min(maxLines, all.size())));
        for (int i = 0; i < lines.size(); i++) {
            boolean cutAfter = i == lines.size() - 1 && all.size() > lines.size();
            if (cutAfter || width(lines.get(i), min) > TEXT_WIDTH) {
                lines.set(i, shortened(lines.get(i), min));
            }
        }
        return new Fitted(min, lines, true);
    }

    private boolean fits(List<String> lines, float size) throws IOException {
        for (String line : lines) {
            if (width(line, size) > TEXT_WIDTH) {
                return false;
            }
        }
        return true;
    }

    private String shortened(String line, float size) throws IOException {
        String kept = line;
        while (!kept.isEmpty() && width(kept + ELLIPSIS, size) > TEXT_WIDTH) {
            kept = kept.substring(0, kept.offsetByCodePoints(kept.length(), -1));
        }
        return kept + ELLIPSIS;
    }

    private List<String> wrap(String text, float size) throws IOException {
        return PdfLines.wrap(text, font, size, TEXT_WIDTH);
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    record Fitted(float size, List<String> lines, boolean shortened) {
        static Fitted line(float size, String text) {
            return new Fitted(size, List.of(text), false);
        }

        float leading() {
            return size * 1.15f;
        }
    }
}
