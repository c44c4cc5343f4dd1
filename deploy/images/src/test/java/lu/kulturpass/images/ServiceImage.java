package lu.kulturpass.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's image as deploy/images/build writes it, target/images/&lt;service&gt;.tar (a docker archive: manifest.json,
 * the config, one gzipped tar per layer), unpacked with the machine's {@code tar} to read its config and layers.
 */
final class ServiceImage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path unpacked;
    private final JsonNode manifest;
    private final JsonNode config;

    private ServiceImage(Path unpacked) {
        this.unpacked = unpacked;
        this.manifest = read(unpacked.resolve("manifest.json")).get(0);
        this.config = read(unpacked.resolve(manifest.get("Config").asText()));
    }

    /** The checkout's root: the folder that holds deploy/images. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/images"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no deploy/images above " + Path.of("").toAbsolutePath());
    }

    /** Where deploy/images/build writes the images, and deploy/images/base the local base. */
    static Path imagesDirectory() {
        return root().resolve("target/images");
    }

    /** The image in {@code tar}, unpacked into {@code into}. */
    static ServiceImage unpack(Path tar, Path into) {
        run(List.of("tar", "-xf", tar.toString(), "-C", into.toString()));
        return new ServiceImage(into);
    }

    /** The image's {@code config} section: User, Entrypoint, ExposedPorts, WorkingDir, Env. */
    JsonNode runConfig() {
        return config.get("config");
    }

    /** The layers' content ids, base first. */
    List<String> diffIds() {
        List<String> ids = new ArrayList<>();
        config.get("rootfs").get("diff_ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The paths each layer holds (as {@code tar -t} lists them, without a leading "./"), in layer order. */
    List<List<String>> layerContents() {
        List<List<String>> layers = new ArrayList<>();
        for (JsonNode layer : manifest.get("Layers")) {
            layers.add(run(List.of("tar", "-tzf", unpacked.resolve(layer.asText()).toString())).lines()
                    .map(path -> path.startsWith("./") ? path.substring(2) : path).toList());
        }
        return layers;
    }

    /** Every layer extracted in order into {@code root}: the file system the container starts on. */
    void extractFileSystem(Path root) {
        for (JsonNode layer : manifest.get("Layers")) {
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", unpacked.resolve(layer.asText()).toString(),
                    "-C", root.toString()));
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
