package lu.kulturpass.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A packaged Kulturpass service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as its own
 * process on a free port, as it runs in production: for end-to-end tests and for tests of one service
 * that talks to another over HTTP.
 */
public final class ServiceProcess {

    private final String module;
    private final Map<String, String> config;
    private final int port = TestKafka.freePort();
    private final Path log;
    private Process process;

    /**
     * @param module the Maven module (its folder beside this one), e.g. {@code pass-service}
     * @param config configuration as system properties, e.g. {@code quarkus.datasource.jdbc.url}
     */
    public ServiceProcess(String module, Map<String, String> config) {
        this.module = module;
        this.config = config;
        this.log = Path.of("target", module + "-" + port + ".log");
    }

    public static Path moduleDirectory(String module) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(module);
            if (Files.isDirectory(candidate.resolve("src"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the " + module + " module above " + Path.of("").toAbsolutePath());
    }

    /** The configuration it runs with (system properties). */
    public Map<String, String> config() {
        return config;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public synchronized ServiceProcess start() {
        Path jar = moduleDirectory(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + module + " first (mvn package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        // extra JVM options for the service only (a benchmark's profiler), e.g. -XX:StartFlightRecording=...
        String extra = System.getenv("KULTURPASS_SERVICE_JVM_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-Dquarkus.http.port=" + port);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
        return this;
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /**
     * Kills the service with SIGKILL, as the kernel's OOM killer or a pulled plug would: no shutdown hook, no
     * transaction finished. {@link #start()} starts it again on the same port.
     */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly(); // SIGKILL on Linux
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /**
     * Up to 90 s, or KULTURPASS_SERVICE_READY_SECONDS: on two cores shared with other builds a service has taken 70 to 90 s
     * to start (the fault-injection harness, docs/benchmarks.md).
     */
    private void awaitReady() {
        String configured = System.getenv("KULTURPASS_SERVICE_READY_SECONDS");
        int patience = configured == null || configured.isBlank() ? 90 : Integer.parseInt(configured.trim());
        if (!Readiness.await(process, url() + "/q/health/ready", Duration.ofSeconds(patience), module, log)) {
            stop();
            throw new IllegalStateException(module + " was not ready within " + patience + " s; see " + log.toAbsolutePath() + File.separator);
        }
    }
}
