package lu.kulturpass.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A property of the root pom (the one place for versions). */
final class RootPom {

    private RootPom() {
    }

    static String property(String name) {
        try {
            String pom = Files.readString(Installations.root().resolve("pom.xml"));
            Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
            if (!m.find()) {
                throw new IllegalStateException("the root pom has no property " + name);
            }
            return m.group(1).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
