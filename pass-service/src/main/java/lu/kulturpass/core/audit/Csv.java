package lu.kulturpass.core.audit;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A CSV file as spreadsheets in Luxembourg, France and Germany open it with a double click: UTF-8
 * with a byte order mark (so accents survive), ';' between cells (the list separator of French and
 * German settings, where ',' is the decimal mark), amounts with a decimal comma, dates as ISO
 * yyyy-mm-dd, CRLF line ends. A cell that a spreadsheet would run as a formula (=, +, -, @) is
 * prefixed with an apostrophe.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final char BOM = '\uFEFF';

    private final StringBuilder text = new StringBuilder().append(BOM);

    Csv row(Object... cells) {
        text.append(Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(";"))).append("\r\n");
        return this;
    }

    Response download(String fileName) {
        return Response.ok(text.toString().getBytes(StandardCharsets.UTF_8), MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    static String cell(Object value) {
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
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
