package lu.kulturpass.benchmarks.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lu.kulturpass.testing.TestKafka;

/**
 * HAProxy, from Debian's {@code haproxy} package, in front of two replicas of each service, on loopback, with the
 * configuration kept in {@code deploy/local/haproxy.cfg} (health checks on {@code /q/health/ready}, a request that got no
 * answer tried on the other replica). Its runtime API (a Unix socket) takes a replica out of rotation and back.
 */
final class LoadBalancer implements AutoCloseable {

    /** Replicas per service in {@code deploy/local/haproxy.cfg}. */
    static final int REPLICAS = 2;
    private static final List<String> SERVICES = List.of("pass", "eligibility", "venue");

    private final Map<String, Integer> ports = new HashMap<>();
    private final Path socket;
    private final Path log;
    private Process process;

    /** Chooses the free ports it will listen on; {@link #start} starts it. */
    LoadBalancer() {
        SERVICES.forEach(service -> ports.put(service, TestKafka.freePort()));
        try {
            socket = Files.createTempDirectory("kulturpass-haproxy").resolve("runtime.sock");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log = Path.of("target", "haproxy-" + ports.get("venue") + ".log");
    }

    /** Where clients reach a service ({@code pass}, {@code eligibility}, {@code venue}). */
    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Starts HAProxy in front of each service's replicas (their base URLs, in order) and waits until it listens. */
    synchronized void start(Map<String, List<String>> replicas) {
        Path config = config();
        Path haproxy = executable();
        ProcessBuilder builder = new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("KULTURPASS_LB_SOCKET", socket.toString());
        for (String service : SERVICES) {
            String name = service.toUpperCase(Locale.ROOT);
            env.put("KULTURPASS_LB_" + name, "127.0.0.1:" + ports.get(service));
            List<String> urls = replicas.get(service);
            if (urls.size() != REPLICAS) {
                throw new IllegalArgumentException(REPLICAS + " replicas of " + service + " behind HAProxy, not " + urls.size());
            }
            for (int i = 0; i < REPLICAS; i++) {
                URI url = URI.create(urls.get(i));
                env.put("KULTURPASS_" + name + "_" + (i + 1), "127.0.0.1:" + url.getPort());
            }
        }
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("HAProxy did not start; see " + log.toAbsolutePath());
            }
            sleep(100);
        }
        // every replica was ready before HAProxy started; wait until its checks agree
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!allUp()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("HAProxy does not see every replica up: " + command("show servers state"));
            }
            sleep(250);
        }
    }

    private boolean allUp() {
        // "show stat" lines: pxname,svname,...,status,...; the servers' lines, not FRONTEND or BACKEND
        return command("show stat").lines().filter(line -> line.contains(",") && !line.startsWith("#"))
                .map(line -> line.split(",")).filter(fields -> !fields[1].equals("FRONTEND") && !fields[1].equals("BACKEND"))
                .allMatch(fields -> fields[17].startsWith("UP"));
    }

    /** Takes a replica out of rotation ({@code venue-2}): HAProxy sends it nothing more. */
    void takeOut(String service, int replica) {
        command("set server " + service + "/" + service + "-" + replica + " state maint");
    }

    /** Puts a replica back into rotation (sent requests again once its health check passes). */
    void putBack(String service, int replica) {
        command("set server " + service + "/" + service + "-" + replica + " state ready");
    }

    /** A line of HAProxy's runtime API; its answer. */
    String command(String line) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            StringBuilder answer = new StringBuilder();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                answer.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            return answer.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("HAProxy's runtime API: " + line, e);
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }

    private static Path config() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/local/haproxy.cfg");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no deploy/local/haproxy.cfg above " + Path.of("").toAbsolutePath());
    }

    private static Path executable() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "haproxy");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("HAProxy is not installed: sudo apt-get install -y haproxy (benchmarks/run-replicas and "
                + "./run-all-tests install it when run as root)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
