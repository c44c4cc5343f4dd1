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
 * Renders a kustomization as {@code kubectl kustomize} does (kubectl embeds Kustomize 5), into one map per resource.
 * Without kubectl this fails with a sentence saying how to install it: the manifests are never left unchecked.
 */
public final class Kustomize {

    static final String MISSING = "kubectl is not installed or not on the PATH. The Kubernetes manifests of deploy/kubernetes"
            + " are rendered with 'kubectl kustomize' (kubectl 1.27 or later, which embeds Kustomize 5) before they are"
            + " checked. Install kubectl (https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/: the kubectl"
            + " binary of dl.k8s.io, or the kubectl package of pkgs.k8s.io's apt repository; Debian 12's"
            + " kubernetes-client package is kubectl 1.20, too old) and run the tests again.";

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
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectError(errors.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(MISSING + " (" + e.getMessage() + ")", e);
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " took over 120 s");
            }
            String err = Files.readString(errors, StandardCharsets.UTF_8);
            Files.deleteIfExists(errors);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "): " + err);
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
            throw new IllegalStateException("could not read what kubectl kustomize " + dir + " wrote", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        }
    }
}
