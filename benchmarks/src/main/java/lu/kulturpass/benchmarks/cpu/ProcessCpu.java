package lu.kulturpass.benchmarks.cpu;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time (user + system, from {@code /proc}) used by a set of processes: the service processes a
 * benchmark started (found by their HTTP port on the command line), the PostgreSQL processes working for
 * the benchmark's database, or the benchmark's own JVM (load generator) and the Kafka broker's. Read
 * before and after a phase, it says where each request's CPU went.
 */
public final class ProcessCpu {

    private final Supplier<List<ProcessHandle>> processes;

    private ProcessCpu(Supplier<List<ProcessHandle>> processes) {
        this.processes = processes;
    }

    /** The service processes listening on these URLs' ports. */
    public static ProcessCpu ofServices(String... urls) {
        List<ProcessHandle> services = ProcessHandle.allProcesses().filter(process -> process.info().commandLine().map(line -> {
            for (String url : urls) {
                if (line.contains("-Dquarkus.http.port=" + url.substring(url.lastIndexOf(':') + 1) + " ")) {
                    return true;
                }
            }
            return false;
        }).orElse(false)).toList();
        return new ProcessCpu(() -> services);
    }

    /**
     * The PostgreSQL processes working for one database, looked up at every reading (backends come and
     * go): its backends and autovacuum workers, and the server's shared processes (WAL writer,
     * checkpointer, background writer); not the backends of other databases on the same server.
     */
    public static ProcessCpu ofPostgres(String jdbcUrl, String user, String password) {
        Predicate<ProcessHandle> postgres = process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
        return new ProcessCpu(() -> {
            Set<Long> pids = pidsOf(jdbcUrl, user, password);
            return ProcessHandle.allProcesses().filter(process -> pids.contains(process.pid()) && postgres.test(process)).toList();
        });
    }

    /** This JVM. */
    public static ProcessCpu ofThisProcess() {
        return ofThisProcessAnd();
    }

    /** This JVM and others it started (the Kafka broker's, see {@code BrokerProcess}). */
    public static ProcessCpu ofThisProcessAnd(ProcessHandle... started) {
        List<ProcessHandle> these = Stream.concat(Stream.of(ProcessHandle.current()), Arrays.stream(started)).toList();
        return new ProcessCpu(() -> these);
    }

    /** CPU seconds used so far by the processes alive now. */
    public double seconds() {
        return processes.get().stream().mapToLong(p -> p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum() / 1000.0;
    }

    /**
     * CPU seconds used so far by the processes' threads whose name starts with one of {@code names}
     * (e.g. the JIT compiler threads {@code "C1 Compiler"}, {@code "C2 Compiler"}), from
     * {@code /proc/<pid>/task/<tid>/stat}.
     */
    public double threadSeconds(String... names) {
        double seconds = 0;
        for (ProcessHandle process : processes.get()) {
            java.io.File[] threads = new java.io.File("/proc/" + process.pid() + "/task").listFiles();
            for (java.io.File thread : threads == null ? new java.io.File[0] : threads) {
                try {
                    String stat = java.nio.file.Files.readString(thread.toPath().resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Arrays.stream(names).anyMatch(name::startsWith)) {
                        seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime + stime, USER_HZ ticks
                    }
                } catch (java.io.IOException | RuntimeException threadEnded) {
                    // a thread that ended between listing and reading
                }
            }
        }
        return seconds;
    }

    private static Set<Long> pidsOf(String jdbcUrl, String user, String password) {
        try (var db = DriverManager.getConnection(jdbcUrl, user, password);
             var rows = db.createStatement().executeQuery(
                     "select pid from pg_stat_activity where datname = current_database() or datname is null")) {
            Set<Long> pids = new HashSet<>();
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
            return pids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the database's backends", e);
        }
    }
}
