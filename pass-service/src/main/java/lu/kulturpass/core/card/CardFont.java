package lu.kulturpass.core.card;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The card's typeface: Liberation Sans, which ships inside the PDFBox jar (SIL Open Font Licence), so
 * cards look the same on every machine and never depend on the fonts installed there. It covers Latin
 * with its accents and extensions (é, ü, ø, ł, ș, ğ ...), Greek and Cyrillic; each PDF embeds the subset
 * of glyphs it uses.
 *
 * <p>Speed (see docs/cards.md): the font is read once and rewritten once, with every glyph but without
 * its OpenType substitution table (GSUB), which PDFBox would otherwise apply to every string shown at a
 * high cost while a card needs no ligatures; and each thread keeps its own parsed copy (fontbox fonts
 * are not thread-safe) instead of parsing the 400 KB file for every card.
 */
final class CardFont {

    private static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** The tables a PDF needs to embed and show the font; GSUB, GPOS, GDEF and kern are left out. */
    private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "gasp", "cmap", "OS/2", "name", "post");

    private final byte[] withoutSubstitutions;
    private final CmapLookup characters;
    private final ThreadLocal<TrueTypeFont> parsed;

    CardFont() {
        try (InputStream in = PDFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's " + RESOURCE + " is missing from the classpath");
            }
            TrueTypeFont original = parse(in.readAllBytes());
            characters = original.getUnicodeCmapLookup();
            Set<Integer> all = IntStream.range(0x20, 0x10000).filter(c -> characters.getGlyphId(c) != 0)
                    .boxed().collect(Collectors.toSet());
            TTFSubsetter copy = new TTFSubsetter(original, TABLES);
            copy.addAll(all);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.writeToStream(out);
            withoutSubstitutions = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parsed = ThreadLocal.withInitial(() -> parse(withoutSubstitutions));
    }

    /** The font for one document, embedding only the glyphs that document shows. */
    PDFont loadInto(PDDocument document) throws IOException {
        return PDType0Font.load(document, parsed.get(), true);
    }

    /** The first character of {@code text} the font has no glyph for, or a control character. */
    OptionalInt unprintable(String text) {
        return text.codePoints().filter(c -> Character.isISOControl(c) || characters.getGlyphId(c) == 0).findFirst();
    }

    private static TrueTypeFont parse(byte[] bytes) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
