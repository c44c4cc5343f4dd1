package lu.kulturpass.eligibility.words;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import lu.kulturpass.eligibility.importing.CsvColumn;

/**
 * The agency's list as a file ({@code messages/import_<language>.properties}): the CSV's headers and words, and every
 * problem an import finds in a file or in one of its lines.
 */
@MessageBundle(value = "import", locale = "en")
public interface ImportWords {

    /** A column's header, as the export writes it and the import reads it (keys column_$HOUSEHOLD…). */
    @Message String column(CsvColumn column);

    @Message String statusColumn();
    @Message String cardNumberColumn();
    @Message String validUntilColumn();
    @Message String enrolledElsewhereColumn();
    @Message String criterionColumn();
    @Message String reasonsColumn();
    @Message String yes();

    @Message String fileEmpty();
    @Message String fileNotUtf8();
    @Message String fileNotCsv(String why);
    @Message String columnsMissing(String columns);
    @Message String importInterrupted();

    @Message String cellCount(String cells, String headers);
    @Message String controlCharacter();
    @Message String cellEmpty(String column);
    @Message String cellTooLong(String column);
    @Message String notADate(String column, String text);
    @Message String birthDateOutOfRange(String date);
    @Message String situationUnknown(String text, String situations);
    @Message String criterionUnknown(String code);
    @Message String proofTooOld(String date, String criterion, String months);
    @Message String samePerson(String line);
    @Message String householdFull(String household, String limit);
    @Message String notApproved(String problem);
}
