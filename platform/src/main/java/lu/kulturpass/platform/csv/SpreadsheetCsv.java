package lu.kulturpass.platform.csv;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way the services write CSV: as spreadsheets in Luxembourg, France and Germany open it with a double click.
 * UTF-8 with a byte order mark (so accents survive), ';' between cells (the list separator of French and German
 * settings, where ',' is the decimal mark), amounts with a decimal comma, dates as ISO yyyy-mm-dd, CRLF line ends,
 * quotes where a cell needs them (Commons CSV). A text cell a spreadsheet would run as a formula (starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written after an apostrophe, which the
 * spreadsheet shows as text: a name typed as {@code =HYPERLINK(…)} stays a name.
 */
public final class SpreadsheetCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final StringBuilder text = new StringBuilder().append('\uFEFF');
    private final CSVPrinter printer;

    public SpreadsheetCsv() {
        try {
            printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SpreadsheetCsv row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public SpreadsheetCsv row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(SpreadsheetCsv::cell).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The file's text, byte order mark first. */
    public String text() {
        return text.toString();
    }

    /** The file as a download named {@code fileName}. */
    public Response download(String fileName) {
        return Response.ok(text().getBytes(StandardCharsets.UTF_8), MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").build();
    }

    /** What a value becomes in a cell: nothing for null, a decimal comma for an amount, text made safe from formulas. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString().replace('.', ',');
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** A cell of a file this class wrote, read back: the apostrophe {@link #cell} put before a formula start is dropped. */
    public static String read(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }
}
