package lu.kulturpass.core.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import lu.kulturpass.core.card.PdfLines;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The annual report as an A4 PDF (PDFBox, Liberation Sans from the PDFBox jar, so accents print everywhere): its title,
 * what the figures count, the totals, the breakdowns, and why small groups are hidden; every word in the report's
 * language, numbers and dates as that language writes them.
 */
final class ProgrammeReportPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float VALUE_COLUMN = MARGIN + WIDTH * 0.72f;
    private static final float GROUP_COLUMN = MARGIN + WIDTH * 0.42f;

    private final PDDocument document;
    private final PDFont font;
    private final Locale locale;
    private PDPageContentStream out;
    private float y;

    private ProgrammeReportPdf(PDDocument document, PDFont font, Locale locale) {
        this.document = document;
        this.font = font;
        this.locale = locale;
    }

    static byte[] of(ProgrammeReport report) {
        try (PDDocument document = new PDDocument(); InputStream typeface = PDFont.class.getResourceAsStream(FONT)) {
            ProgrammeReportPdf pdf = new ProgrammeReportPdf(document, PDType0Font.load(document, typeface), report.language().locale());
            pdf.write(report);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(ProgrammeReport report) throws IOException {
        AuditWords words = report.words();
        newPage();
        paragraph(words.reportTitle(value(report.figures().from()), value(report.figures().to())), 16);
        paragraph(words.figuresExplained(), 9);
        y -= 6;
        String previous = null;
        for (ProgrammeReport.Line line : report.lines()) {
            if (!line.group().isEmpty() && !line.figure().equals(previous)) {
                y -= 8;
                row(line.figure(), "", "", 11);
            }
            previous = line.figure();
            row(line.group().isEmpty() ? line.figure() : "", line.group(), value(line.value()), 10);
        }
        y -= 8;
        paragraph(words.smallCells(), 8);
        out.close();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void row(String figure, String group, String value, float size) throws IOException {
        room(size * 1.4f);
        text(figure, size, MARGIN);
        text(group, size, GROUP_COLUMN);
        text(value, size, VALUE_COLUMN);
        y -= size * 1.4f;
    }

    private void paragraph(String words, float size) throws IOException {
        for (String line : PdfLines.wrap(words, font, size, WIDTH)) {
            room(size * 1.35f);
            text(line, size, MARGIN);
            y -= size * 1.35f;
        }
        y -= size * 0.6f;
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    private void text(String text, float size, float x) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y - size);
        out.showText(text);
        out.endText();
    }

    /** A value as the report's language writes it: a number with its separators, a date in words, a word as it is. */
    private String value(Object value) {
        if (value instanceof LocalDate day) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
        }
        if (value instanceof BigDecimal euros) {
            NumberFormat money = NumberFormat.getNumberInstance(locale);
            money.setMinimumFractionDigits(2);
            money.setMaximumFractionDigits(2);
            return money.format(euros) + " €";
        }
        if (value instanceof Number number) {
            return NumberFormat.getIntegerInstance(locale).format(number);
        }
        return value == null ? "" : value.toString();
    }
}
