package lu.kulturpass.benchmarks.statistics;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lu.kulturpass.benchmarks.HarnessLogging;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.PassServiceProcess;
import lu.kulturpass.testing.ServiceProcess;
import lu.kulturpass.testing.TestDatabase;
import lu.kulturpass.testing.TestKafka;

/**
 * How soon an admission shows in the statistics under sustained load: publishes admission events at
 * a steady rate on the real broker, as venue-service's relay does, while the packaged pass-service
 * counts them; the delay of each is the time from its publication until a reader polling the
 * database every 20 ms first sees its count committed (the statistics feed's processed-event row,
 * written in the same transaction as the figures): an upper bound, by up to one poll. Bounded in time.
 * <pre>benchmarks/run-latency [events per second] [seconds]</pre>
 *
 * <p>A harness: it reads the machine's clock itself (the services read theirs through platform's
 * {@code ProgrammeCalendar}; {@code NoClockOutsideTheCalendarTest} leaves the harnesses out).
 */
public final class AdmissionToStatisticsLatency {

    private AdmissionToStatisticsLatency() {
    }

    public static void main(String[] args) throws Exception {
        HarnessLogging.configure();
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String url = TestDatabase.recreate("kulturpass_bench_latency");
        ServiceProcess passService = PassServiceProcess.onDatabase(url).start();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        try (Connection db = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
            UUID venue = UUID.randomUUID();
            try (Statement statement = db.createStatement()) {
                UUID partner = UUID.randomUUID();
                statement.execute("insert into partner (id, kind, name, created_at) values ('" + partner + "', 'CULTURAL', 'Latency theatre', now())");
                statement.execute("insert into venue (id, partner_id, name) values ('" + venue + "', '" + partner + "', 'Hall')");
            }
            KafkaTopics kafka = KafkaTopics.onTestBroker();
            Map<String, Long> seenAt = new ConcurrentHashMap<>();
            Thread reader = new Thread(() -> poll(url, seenAt), "statistics-reader");
            reader.setDaemon(true);
            reader.start();
            try (var producer = kafka.producer()) {
                long intervalNanos = 1_000_000_000L / rate;
                long start = System.nanoTime();
                for (long i = 0; i < (long) rate * seconds; i++) {
                    long due = start + i * intervalNanos;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    String id = UUID.randomUUID().toString();
                    String data = "{\"admissionId\":\"" + UUID.randomUUID() + "\",\"venueId\":\"" + venue + "\",\"passId\":" + (1 + i % 5000)
                            + ",\"groupSize\":1,\"price\":\"1.50\",\"reason\":\"VALID\",\"scannedAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}";
                    sentAt.put(id, System.currentTimeMillis());
                    kafka.send(producer, "kulturpass.admissions", String.valueOf(1 + i % 5000), id, "lu.kulturpass.admission.recorded", data);
                }
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (seenAt.size() < sentAt.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            List<Long> delays = new ArrayList<>();
            sentAt.forEach((id, sent) -> {
                Long seen = seenAt.get(id);
                if (seen != null) {
                    delays.add(seen - sent);
                }
            });
            delays.sort(Long::compare);
            System.out.printf("%d admissions at %d/s for %d s: counted %d; delay p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                    sentAt.size(), rate, seconds, delays.size(), at(delays, 50), at(delays, 95), at(delays, 99), delays.get(delays.size() - 1));
        } finally {
            passService.stop();
            TestKafka.get().stop();
        }
    }

    /** Notes when each counted event is first seen, polling every 20 ms. */
    private static void poll(String url, Map<String, Long> seenAt) {
        try (Connection db = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
             PreparedStatement counted = db.prepareStatement(
                     "select event_id from processed_event where consumer = 'statistics-admissions' and processed_at >= ?")) {
            java.sql.Timestamp since = new java.sql.Timestamp(0);
            while (!Thread.currentThread().isInterrupted()) {
                java.sql.Timestamp next = new java.sql.Timestamp(System.currentTimeMillis() - 5_000);
                counted.setTimestamp(1, since);
                try (ResultSet rows = counted.executeQuery()) {
                    long now = System.currentTimeMillis();
                    while (rows.next()) {
                        seenAt.putIfAbsent(rows.getString(1), now);
                    }
                }
                since = next;
                Thread.sleep(20);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long at(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
