package lu.kulturpass.benchmarks.enrolment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lu.kulturpass.benchmarks.HarnessLogging;
import lu.kulturpass.benchmarks.cpu.ProcessCpu;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.PassServiceProcess;
import lu.kulturpass.testing.ServiceProcess;
import lu.kulturpass.testing.TestDatabase;
import lu.kulturpass.testing.TestKafka;

/**
 * An agency imports a list of 10,000 people through to decisions, passes and printable cards: the
 * packaged eligibility-service and pass-service on real PostgreSQL and Kafka. One CSV upload with
 * {@code approve=true} (every row names a criterion and evidence: every household is approved and
 * each member gets a pass), then every card printed on A4 sheets of up to ten (PDF from pass-service
 * through eligibility-service, which sends the names). Times each phase and the whole.
 * <pre>benchmarks/run-enrolment-import [rows] [printing threads] [warm-up rows]</pre>
 * A warm-up (another agency, other people, not measured) lets the services compile their hot code first, as
 * a service that has been running has; the CPU its JIT compiler threads use in the measured run is printed.
 *
 * <p>A harness: it reads the machine's clock itself (the services read theirs through platform's
 * {@code ProgrammeCalendar}; {@code NoClockOutsideTheCalendarTest} leaves the harnesses out).
 */
public final class ImportToCards {

    private static final String[] FIRST = {"Maria", "João", "Léa", "Zoë", "Jean", "Anna", "Luc", "Ewa", "Omar", "Sofia", "Noah", "Ida"};
    private static final String[] LAST = {"Santos", "Müller", "Weber", "Schmit", "Hoffmann", "Silva", "Kowalski", "Haddad", "Costa", "Meyer"};

    private static final String[] JIT = {"C1 Compiler", "C2 Compiler"};
    private static final String[] GC = {"GC Thread", "G1 ", "VM Thread"};

    private ImportToCards() {
    }

    public static void main(String[] args) throws Exception {
        HarnessLogging.configure();
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        ServiceProcess passService = PassServiceProcess.onDatabase(TestDatabase.recreate("kulturpass_bench_import_pass")).start();
        ServiceProcess eligibility = new ServiceProcess("eligibility-service", Map.of(
                "quarkus.datasource.jdbc.url", TestDatabase.recreate("kulturpass_bench_import_eligibility"),
                "quarkus.datasource.username", TestDatabase.USER,
                "quarkus.datasource.password", TestDatabase.PASSWORD,
                "kafka.bootstrap.servers", TestKafka.get().bootstrapServers(),
                "quarkus.oidc.public-key", BearerTokens.publicKey(),
                "quarkus.oidc.token.issuer", BearerTokens.ISSUER,
                "quarkus.rest-client.pass-service.url", passService.url(),
                "quarkus.log.category.\"lu.kulturpass.eligibility.enrolment.Decisions\".level", "DEBUG")).start();
        try {
            ProcessCpu cpu = ProcessCpu.ofServices(passService.url(), eligibility.url());
            if (warmUp > 0) {
                System.out.printf("warm-up, not measured: another agency imports and prints %d other people%n", warmUp);
                run(passService.url(), eligibility.url(), warmUp, threads, cpu, "W");
            }
            run(passService.url(), eligibility.url(), rows, threads, cpu, "");
        } finally {
            eligibility.stop();
            passService.stop();
            TestKafka.get().stop();
        }
    }

    private static double load() throws java.io.IOException {
        return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** One agency imports {@code rows} people (their family names start with {@code prefix}) and prints their cards. */
    private static void run(String passService, String url, int rows, int threads, ProcessCpu cpu, String prefix) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String agencyId = agencyWithAgreementInForce(http, passService);
        String token = BearerTokens.token("agency-staff", agencyId);
        long waitUntil = System.currentTimeMillis() + 60_000;
        while (!send(http, get(url + "/agencies/mine", token)).body().contains("\"acting\":true")) {
            if (System.currentTimeMillis() > waitUntil) {
                throw new IllegalStateException("the agency's agreement never reached eligibility-service");
            }
            Thread.sleep(200);
        }

        List<Integer> sizes = new ArrayList<>();
        byte[] csv = generate(rows, sizes, prefix);
        System.out.printf("CSV: %d rows in %d households, %d bytes%n", rows, sizes.size(), csv.length);

        double cpuBefore = cpu.seconds();
        double jitBefore = cpu.threadSeconds(JIT);
        double gcBefore = cpu.threadSeconds(GC);
        double loadBefore = load();
        long start = System.nanoTime();
        HttpResponse<String> imported = send(http, HttpRequest.newBuilder(URI.create(url + "/imports?approve=true"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build());
        long importedAt = System.nanoTime();
        double cpuImported = cpu.seconds();
        double jitImported = cpu.threadSeconds(JIT);
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("import answered " + imported.statusCode() + ": " + imported.body());
        }
        String report = imported.body();
        System.out.println("import report: " + report.substring(0, report.indexOf(",\"enrolments\"")) + "}");
        List<String> enrolments = new ArrayList<>();
        Matcher ids = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .matcher(report.substring(report.indexOf("\"enrolments\"")));
        while (ids.find()) {
            enrolments.add(ids.group());
        }

        List<List<String>> sheets = sheets(enrolments, sizes);
        AtomicLong pdfBytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> printed = new ArrayList<>();
        for (List<String> sheet : sheets) {
            printed.add(pool.submit(() -> {
                String body = "{\"language\":\"fr\",\"enrolmentIds\":[\"" + String.join("\",\"", sheet) + "\"]}";
                HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(url + "/cards/sheet.pdf"))
                        .timeout(Duration.ofMinutes(1)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (pdf.statusCode() != 200) {
                    throw new IllegalStateException("sheet answered " + pdf.statusCode() + ": " + new String(pdf.body(), StandardCharsets.UTF_8));
                }
                pdfBytes.addAndGet(pdf.body().length);
                return null;
            }));
        }
        for (Future<?> sheet : printed) {
            sheet.get();
        }
        pool.shutdown();
        long done = System.nanoTime();
        double cpuDone = cpu.seconds();
        double jitDone = cpu.threadSeconds(JIT);
        double gcDone = cpu.threadSeconds(GC);
        System.out.printf("import, decisions and passes: %.1f s; cards: %d sheets (%d cards, %.1f MB of PDF) in %.1f s; total %.1f s%n",
                (importedAt - start) / 1e9, sheets.size(), rows, pdfBytes.get() / 1e6, (done - importedAt) / 1e9, (done - start) / 1e9);
        System.out.printf("CPU of the two services: import %.1f s, cards %.1f s, total %.1f s; load average %.1f before, %.1f after%n",
                cpuImported - cpuBefore, cpuDone - cpuImported, cpuDone - cpuBefore, loadBefore, load());
        System.out.printf("of which JIT compiler threads %.1f s (import %.1f s, cards %.1f s), garbage collector and VM threads %.1f s%n",
                jitDone - jitBefore, jitImported - jitBefore, jitDone - jitImported, gcDone - gcBefore);
    }

    /** Households of 1 to 4 members (1, 2, 3, 4, 1, 2, ...), every row with a criterion and recent evidence. */
    private static byte[] generate(int rows, List<Integer> sizes, String prefix) {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("Ménage;Nom;Prénom;Date de naissance;Situation du ménage;Commune;Critère;Justificatif;"
                + "Émis par;Numéro;Date du justificatif\n");
        String evidenceDate = LocalDate.now().minusDays(10).toString();
        int row = 0;
        for (int household = 0; row < rows; household++) {
            int size = Math.min(1 + household % 4, rows - row);
            sizes.add(size);
            String family = prefix + LAST[random.nextInt(LAST.length)] + "-" + Integer.toString(household, 36);
            for (int member = 0; member < size; member++, row++) {
                LocalDate born = member < 2 ? LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28))
                        : LocalDate.of(2010 + random.nextInt(14), 1 + random.nextInt(12), 1 + random.nextInt(28));
                csv.append('H').append(household).append(';').append(family).append(';').append(FIRST[random.nextInt(FIRST.length)])
                        .append(';').append(born.getDayOfMonth()).append('.').append(born.getMonthValue()).append('.').append(born.getYear())
                        .append(';').append(size == 1 ? "personne seule" : "couple avec enfants").append(";Esch-sur-Alzette;AVC_ENERGY_BONUS;")
                        .append("Décision FNS;FNS;AVC-").append(row).append(';').append(evidenceDate).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Households packed in order onto sheets of at most ten cards. */
    private static List<List<String>> sheets(List<String> enrolments, List<Integer> sizes) {
        List<List<String>> sheets = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int cards = 0;
        for (int i = 0; i < enrolments.size(); i++) {
            if (cards + sizes.get(i) > 10) {
                sheets.add(current);
                current = new ArrayList<>();
                cards = 0;
            }
            current.add(enrolments.get(i));
            cards += sizes.get(i);
        }
        if (!current.isEmpty()) {
            sheets.add(current);
        }
        return sheets;
    }

    /**
     * A social partner registered in pass-service by programme staff, with a signed agreement activated: pass-service
     * issues passes only for such an agency, and announces it to eligibility-service on the partner topic.
     */
    private static String agencyWithAgreementInForce(HttpClient http, String passService) throws Exception {
        String programme = BearerTokens.token("programme-staff", null);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String agencyId = idIn(send(http, post(passService + "/partners", programme,
                "{\"kind\":\"SOCIAL\",\"name\":\"Benchmark agency " + UUID.randomUUID() + "\"}")));
        String agreementId = idIn(send(http, post(passService + "/partners/" + agencyId + "/agreements", programme,
                "{\"validFrom\":\"" + today.minusDays(1) + "\",\"validUntil\":\"" + today.plusYears(1) + "\",\"signedOn\":\"" + today + "\"}")));
        idIn(send(http, post(passService + "/agreements/" + agreementId + "/transitions", programme, "{\"transition\":\"ACTIVATE\"}")));
        return agencyId;
    }

    /** The id of what pass-service answered with (the first "id" of its JSON); fails on any answer but 200 or 201. */
    private static String idIn(HttpResponse<String> answer) {
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() / 100 != 2 || !id.find()) {
            throw new IllegalStateException("pass-service answered " + answer.statusCode() + ": " + answer.body());
        }
        return id.group(1);
    }

    private static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
