package lu.kulturpass.benchmarks.scan;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The load generator: {@code clients} keep-alive HTTP/1.1 connections on loopback, each sending its next
 * request when the previous answer has arrived (closed loop, no pipelining), all driven by ONE Vert.x
 * event-loop thread. The JDK's {@code HttpClient} with one blocking thread per client cost 75 to 130 µs
 * of CPU per request on the same two cores as the service it measures; this costs a fraction of that,
 * which leaves the cores to the service and PostgreSQL.
 * <p>
 * With {@code KULTURPASS_BENCH_LATENCY_DUMP} set to a directory, each run also writes there every answered request's
 * send time (µs since the epoch) and latency (µs), one per line, in a file named by the run's end: to see when the slow
 * answers came (a stall of the whole machine shows as every client slow at once) and to line them up with GC or
 * scheduler logs.
 */
public final class ClosedLoop implements AutoCloseable {

    /** One request: method, path and query, headers, body (null for none). */
    public record Call(HttpMethod method, String uri, MultiMap headers, Buffer body) {
        public static Call get(String uri) {
            return new Call(HttpMethod.GET, uri, MultiMap.caseInsensitiveMultiMap(), null);
        }
    }

    /** What one run counted: answers 2xx with their latencies in nanoseconds (sorted), and the rest. */
    public record Counted(long[] sortedNanos, long failures, double seconds) {
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
    private final HttpClient http;

    public ClosedLoop(String baseUrl, int clients) {
        URI base = URI.create(baseUrl);
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost()).setDefaultPort(base.getPort())
                        .setKeepAlive(true).setPipelining(false).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(clients));
    }

    /** Runs {@code clients} closed loops for {@code seconds}; {@code next.apply(client)} gives each request. */
    public Counted run(int seconds, int clients, IntFunction<Call> next) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Loops loops = new Loops(end, clients, next);
        long start = System.nanoTime();
        vertx.runOnContext(ignored -> {
            for (int client = 0; client < clients; client++) {
                loops.send(client);
            }
        });
        if (!loops.finished.await(seconds + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the clients did not finish within a minute of the end");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        dump(loops);
        long[] sorted = Arrays.copyOf(loops.latencies, loops.count);
        Arrays.sort(sorted);
        return new Counted(sorted, loops.failures, elapsed);
    }

    private static void dump(Loops loops) {
        String directory = System.getenv("KULTURPASS_BENCH_LATENCY_DUMP");
        if (directory == null || directory.isBlank()) {
            return;
        }
        Path file = Path.of(directory, "latencies-" + System.currentTimeMillis() + ".txt");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int i = 0; i < loops.count; i++) {
                out.println(loops.sentMicros[i] + " " + loops.latencies[i] / 1000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The loops' state; touched only by the event-loop thread. */
    private final class Loops {
        final long end;
        final IntFunction<Call> next;
        final CountDownLatch finished;
        long[] latencies = new long[1 << 16];
        long[] sentMicros = new long[1 << 16];
        final long epochMicrosAtNanoZero = System.currentTimeMillis() * 1000 - System.nanoTime() / 1000;
        int count;
        long failures;

        Loops(long end, int clients, IntFunction<Call> next) {
            this.end = end;
            this.next = next;
            this.finished = new CountDownLatch(clients);
        }

        void send(int client) {
            if (System.nanoTime() >= end) {
                finished.countDown();
                return;
            }
            Call call = next.apply(client);
            long sent = System.nanoTime();
            http.request(new RequestOptions().setMethod(call.method()).setURI(call.uri()).setHeaders(call.headers()))
                    .compose(request -> call.body() == null ? request.send() : request.send(call.body()))
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .onComplete(answer -> {
                        if (answer.succeeded() && answer.result() / 100 == 2) {
                            record(sent, System.nanoTime() - sent);
                        } else {
                            failures++;
                        }
                        // on the loop's next turn: a request failing at once must not deepen the stack
                        vertx.runOnContext(ignored -> send(client));
                    });
        }

        void record(long sent, long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
                sentMicros = Arrays.copyOf(sentMicros, count * 2);
            }
            sentMicros[count] = epochMicrosAtNanoZero + sent / 1000;
            latencies[count++] = nanos;
        }
    }

    @Override
    public void close() {
        http.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
