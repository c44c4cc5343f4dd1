package lu.kulturpass.core.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The card's typeface: Liberation Sans, which ships inside the PDFBox jar (SIL Open Font Licence), so
 * cards look the same on every machine and never depend on the fonts installed there. It covers Latin
 * with its accents and extensions (é, ü, ø, ł, ș, ğ ...), Greek and Cyrillic; each PDF embeds the subset
 * of glyphs it uses. The file is read once; its character map answers which names can be printed.
 */
final class CardFont {

    private static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final byte[] bytes;
    private final CmapLookup characters;

    CardFont() {
        try (InputStream in = PDFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's " + RESOURCE + " is missing from the classpath");
            }
            bytes = in.readAllBytes();
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            characters = font.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The font for one document, embedding only the glyphs that document shows. */
    PDFont loadInto(PDDocument document) throws IOException {
        return PDType0Font.load(document, new RandomAccessReadBuffer(bytes), true, false);
    }

    /** The first character of {@code text} the font has no glyph for, or a control character. */
    OptionalInt unprintable(String text) {
        return text.codePoints().filter(c -> Character.isISOControl(c) || characters.getGlyphId(c) == 0).findFirst();
    }
}
