package lu.kulturpass.deploy.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The repository, and the kustomizations of deploy/kubernetes the tests render. */
final class Installations {

    /** What an installer applies: overlays/small or overlays/large (after cluster). */
    static final List<String> OVERLAYS = List.of("overlays/small", "overlays/large");
    /** Every kustomization of deploy/kubernetes. */
    static final List<String> ALL = List.of("base", "overlays/small", "overlays/large", "cluster");

    private Installations() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("kulturpass.root", "../..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("deploy/kubernetes/base/kustomization.yaml"))) {
            throw new IllegalStateException("not the repository's root: " + root);
        }
        return root;
    }

    static List<Map<String, Object>> render(String kustomization) {
        return Kustomize.render(root().resolve("deploy/kubernetes").resolve(kustomization));
    }

    static CodeDeclarations code() {
        return new CodeDeclarations(root());
    }

    /** Fails with every problem at once, one a line. */
    static void noProblems(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(what + ": " + problems.size() + " problem(s)\n  " + String.join("\n  ", problems));
        }
    }
}
