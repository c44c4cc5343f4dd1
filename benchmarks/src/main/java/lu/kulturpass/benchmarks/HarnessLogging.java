package lu.kulturpass.benchmarks;

import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Logging for a benchmark's own JVM and its Kafka broker's ({@code TestKafka}, in its own JVM or in the benchmark's). Quarkus's
 * jars on the class path configure logging for a Quarkus application that has not started yet: every logger at ALL,
 * every record queued until the application applies its configuration. No application starts in this JVM (the
 * services run in their own processes), so every debug and trace record of the broker was built and formatted, for
 * every request it served, and then nobody saw it: in the scan benchmark the broker's request threads spent their
 * time on request descriptions as JSON and log messages of every append. This does what the application would have
 * done: INFO and up to the console, Kafka's own loggers at WARN.
 */
public final class HarnessLogging {

    private static final String[] BROKER_LOGGERS = {"kafka", "org.apache.kafka", "state.change.logger"};

    private HarnessLogging() {
    }

    /** Call first in a benchmark's main, before the broker or any client starts. */
    public static void configure() {
        // java.util.logging through the same log manager (else the JDK's own loggers, the HTTP client's among them, are
        // found by JBoss's logger finder before it is the log manager, and it says so on the console)
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        LogContext context = LogContext.getLogContext();
        Logger root = context.getLogger("");
        root.setHandlers(new java.util.logging.Handler[] {
                new ConsoleHandler(ConsoleHandler.Target.SYSTEM_ERR, new PatternFormatter("%d{HH:mm:ss} %-5p [%c{1.}] %s%e%n"))});
        root.setLevel(Level.INFO);
        for (String broker : BROKER_LOGGERS) {
            context.getLogger(broker).setLevel(Level.WARNING);
        }
    }
}
