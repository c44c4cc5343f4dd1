package lu.kulturpass.core.statistics;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The problems of the statistics' and the audit's requests: texts in {@code messages/statistics_<language>.properties}. */
@MessageBundle(value = "statistics", locale = "en")
public interface StatisticsWords {

    @Message String periodBackwards(String to, String from);
    @Message String periodEndsBeforeStart();
    @Message String periodTooLong();
    @Message String byMonthOrDay();
    @Message String daysRange();
}
