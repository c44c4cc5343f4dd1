package lu.kulturpass.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lu.kulturpass.testing.TestKafka;

/**
 * The embedded Kafka broker ({@link TestKafka}) in a JVM of its own, started by a benchmark: as in production, the
 * broker's work (and its garbage collections, 7–23 ms each in the scan benchmark) no longer runs in the JVM whose
 * load generator times the requests. Its main starts the broker, prints {@value #READY} and the bootstrap servers,
 * and stops it (deleting its log directory) when its standard input closes, so a benchmark that dies takes its
 * broker with it. The line {@code stop} on its standard input takes the broker away (its port closes, as when the
 * broker crashes) and {@code start} brings it back on the same port with its logs: the fault-injection harness's
 * Kafka outage.
 */
public final class BrokerProcess implements AutoCloseable {

    static final String READY = "broker ready on ";
    static final String STOPPED = "broker stopped";
    static final String STARTED = "broker started";

    private final Process process;
    private final String bootstrapServers;
    /** The broker's answers to {@code stop} and {@code start}. */
    private final java.util.concurrent.BlockingQueue<String> acknowledged = new java.util.concurrent.LinkedBlockingQueue<>();

    private BrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the broker in its own JVM, on this JVM's class path, and waits until it accepts clients. */
    public static BrokerProcess start() {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName());
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(READY)) {
                    BrokerProcess broker = new BrokerProcess(process, line.substring(READY.length()).strip());
                    Thread echo = new Thread(() -> output.lines().forEach(said -> {
                        if (said.equals(STOPPED) || said.equals(STARTED)) {
                            broker.acknowledged.add(said);
                        } else {
                            System.out.println(said);
                        }
                    }), "broker-output");
                    echo.setDaemon(true);
                    echo.start();
                    return broker;
                }
                System.out.println(line);
            }
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the broker's JVM ended before it was ready" + (process.isAlive() ? "" : ", with " + process.exitValue()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the broker started", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Takes the broker away (its port closes; its logs stay) and returns once it is down. */
    public void stopBroker() {
        command("stop", STOPPED);
    }

    /** Brings the broker back on the same port with its logs and returns once it accepts clients. */
    public void startBroker() {
        command("start", STARTED);
    }

    private void command(String command, String expected) {
        try {
            process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            String said = acknowledged.poll(120, TimeUnit.SECONDS);
            if (!expected.equals(said)) {
                throw new IllegalStateException("the broker did not answer '" + command + "' within 120 s (" + said + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the broker was told to " + command, e);
        }
    }

    /** The broker's JVM, to read its CPU. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Closes the broker's standard input: it stops and deletes its logs; killed if it has not ended in 30 s. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws IOException {
        HarnessLogging.configure();
        TestKafka broker = TestKafka.get();
        System.out.println(READY + broker.bootstrapServers());
        System.out.flush();
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // until the benchmark closes this JVM's standard input (or dies)
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            if (line.strip().equals("stop")) {
                broker.stop();
                System.out.println(STOPPED);
            } else if (line.strip().equals("start")) {
                broker.start();
                System.out.println(STARTED);
            }
            System.out.flush();
        }
        System.exit(0); // the shutdown hook stops the broker and deletes its logs
    }
}
