package lu.kulturpass.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.Readiness;
import lu.kulturpass.testing.ServiceProcess;
import lu.kulturpass.testing.TestDatabase;
import lu.kulturpass.testing.TestKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image deploy/images/build made for one service (this module's pom names it) just before: its config says what
 * the root pom and deploy/images/base.env say, and, run as a container runs it, the service starts and is ready.
 */
class ServiceImageIT {

    private static final String SERVICE = System.getProperty("images.checked-service");
    /** What Docker, containerd and CRI-O put in every container's /dev (AWS-LC, for one, needs /dev/urandom). */
    private static final List<String> DEVICES = List.of("null", "zero", "full", "random", "urandom", "tty");

    @TempDir
    static Path unpacked;
    private static ServiceImage image;

    @BeforeAll
    static void unpack() {
        image = ServiceImage.unpack(ServiceImage.imagesDirectory().resolve(SERVICE + ".tar"), unpacked);
    }

    @Test
    void runsAsTheUnprivilegedUserTheRootPomNames() {
        String user = image.runConfig().get("User").asText();
        assertEquals(System.getProperty("images.user"), user);
        assertTrue(Integer.parseInt(user) > 0, "user " + user + " is root");
    }

    @Test
    void sizesTheHeapFromTheContainersMemoryLimit() {
        List<String> entrypoint = entrypoint();
        List<String> memoryArguments = List.of(System.getProperty("images.jvm-arguments").split(","));
        assertTrue(memoryArguments.stream().anyMatch(argument -> argument.startsWith("-XX:MaxRAMPercentage=")), memoryArguments::toString);
        assertTrue(entrypoint.subList(0, entrypoint.indexOf("-jar")).containsAll(memoryArguments), entrypoint::toString);
        // a fixed heap would ignore the container's limit
        assertFalse(entrypoint.stream().anyMatch(argument -> argument.startsWith("-Xmx")), entrypoint::toString);
    }

    @Test
    void exposesTheServicesHttpPort() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ServiceProcess.moduleDirectory(SERVICE).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        JsonNode ports = image.runConfig().get("ExposedPorts");
        assertTrue(ports.has(properties.getProperty("quarkus.http.port") + "/tcp"), ports::toString);
    }

    @Test
    void startsTheServicesJarFromItsWorkingDirectory() {
        String workingDirectory = System.getProperty("images.working-directory");
        assertEquals(workingDirectory, image.runConfig().get("WorkingDir").asText());
        List<String> entrypoint = entrypoint();
        assertEquals(List.of("-jar", "quarkus-run.jar"), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
        List<String> files = image.layerContents().stream().flatMap(List::stream).toList();
        String application = workingDirectory.substring(1) + "/";
        assertTrue(files.contains(application + "quarkus-run.jar"));
        assertTrue(files.stream().anyMatch(file -> file.matches(Pattern.quote(application) + "app/" + SERVICE + "-.*\\.jar")), "no app/" + SERVICE + " jar");
        assertTrue(files.stream().anyMatch(file -> file.startsWith(application + "lib/main/io.quarkus.quarkus-core-")), "no Quarkus in lib/main");
    }

    @Test
    void startsFromTheBaseImageBaseEnvNames(@TempDir Path baseUnpacked) throws IOException {
        String named = namedBaseImage();
        assumeTrue("local".equals(named), "base.env names " + named + ": only the local base is at hand to compare");
        ServiceImage base = ServiceImage.unpack(ServiceImage.imagesDirectory().resolve("base.tar"), baseUnpacked);
        List<String> baseLayers = base.diffIds();
        assertEquals(baseLayers, image.diffIds().subList(0, baseLayers.size()));
        assertTrue(image.diffIds().size() > baseLayers.size(), "no layer of the service's own");
    }

    /**
     * Runs the image's entrypoint the way a container runtime would, with the tools of util-linux: its layers as the
     * root file system with the usual devices and /proc, new PID and mount namespaces, its working directory and
     * user; configured by environment variables (as a Kubernetes Deployment does) to a real PostgreSQL database and
     * this JVM's Kafka broker. Needs root (CI runs as root).
     */
    @Test
    void startsAsItsUserInsideTheImageAndBecomesReady(@TempDir Path root) throws Exception {
        assumeTrue(new UnixSystem().getUid() == 0, "running an image takes root (unshare)");
        image.extractFileSystem(root);
        JsonNode config = image.runConfig();
        String user = config.get("User").asText();
        int port = TestKafka.freePort();
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);

        // in new mount and PID namespaces: the devices a runtime gives every container and /proc, then the image's
        // root, working directory, user and entrypoint
        String mounts = "set -e; root=$1; shift; mkdir -p \"$root/dev\"; for device in " + String.join(" ", DEVICES)
                + "; do touch \"$root/dev/$device\"; mount --bind \"/dev/$device\" \"$root/dev/$device\"; done;"
                + " mount -t proc proc \"$root/proc\"; exec \"$@\"";
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child",
                "sh", "-c", mounts, "sh", root.toString(),
                "unshare", "--root=" + root, "--wd=" + config.get("WorkingDir").asText(), "--setuid", user, "--setgid", user));
        command.addAll(entrypoint());
        ProcessBuilder container = new ProcessBuilder(command).redirectErrorStream(true);
        Path log = Path.of("target", SERVICE + "-image.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        container.redirectOutput(log.toFile());
        Map<String, String> environment = container.environment();
        environment.clear();
        config.get("Env").forEach(variable -> {
            String[] nameAndValue = variable.asText().split("=", 2);
            environment.put(nameAndValue[0], nameAndValue[1]);
        });
        environment.putAll(environmentVariables(Map.of(
                "quarkus.http.port", String.valueOf(port),
                "quarkus.datasource.jdbc.url", TestDatabase.recreate("kulturpass_" + SERVICE.replace('-', '_') + "_image"),
                "quarkus.datasource.username", TestDatabase.USER,
                "quarkus.datasource.password", TestDatabase.PASSWORD,
                "kafka.bootstrap.servers", TestKafka.get().bootstrapServers(),
                "quarkus.oidc.public-key", BearerTokens.publicKey(),
                "quarkus.oidc.token.issuer", BearerTokens.ISSUER,
                "kulturpass.signing.master-key", Base64.getEncoder().encodeToString(masterKey))));

        Process process = container.start();
        try {
            assertTrue(Readiness.await(process, "http://localhost:" + port + "/q/health/ready", Duration.ofSeconds(120), SERVICE + "'s image", log),
                    SERVICE + "'s image was not ready within 120 s; see " + log);
            List<ProcessHandle> inside = process.descendants().toList();
            assertFalse(inside.isEmpty());
            for (ProcessHandle handle : inside) {
                assertEquals(user, realUid(handle), "process " + handle.pid() + " " + handle.info().commandLine().orElse(""));
            }
        } finally {
            // unshare ignores SIGTERM while it waits for its child: stop the service itself, as a runtime would
            process.descendants().forEach(ProcessHandle::destroy);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        image.runConfig().get("Entrypoint").forEach(argument -> entrypoint.add(argument.asText()));
        return entrypoint;
    }

    /** What deploy/images/base.env names when the environment does not say otherwise. */
    private static String namedBaseImage() throws IOException {
        String env = System.getenv("KULTURPASS_BASE_IMAGE");
        if (env != null && !env.isBlank()) {
            return env;
        }
        Path baseEnv = ServiceImage.root().resolve("deploy/images/base.env");
        Matcher named = Pattern.compile("(?m)^KULTURPASS_BASE_IMAGE=\"\\$\\{KULTURPASS_BASE_IMAGE:-(.*)}\"$").matcher(Files.readString(baseEnv));
        assertTrue(named.find(), "base.env names no KULTURPASS_BASE_IMAGE");
        return named.group(1);
    }

    /** Quarkus's reading of configuration from the environment: quarkus.http.port is QUARKUS_HTTP_PORT. */
    private static Map<String, String> environmentVariables(Map<String, String> configuration) {
        Map<String, String> variables = new HashMap<>();
        configuration.forEach((key, value) -> variables.put(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(), value));
        return variables;
    }

    private static String realUid(ProcessHandle handle) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(handle.pid()), "status")).stream()
                .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
    }
}
