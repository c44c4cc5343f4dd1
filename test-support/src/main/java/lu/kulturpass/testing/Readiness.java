package lu.kulturpass.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Waits for a process the tests started (a service, Keycloak, a service's image) until its health address answers 200. */
public final class Readiness {

    private Readiness() {
    }

    /**
     * Polls {@code healthUrl} until it answers 200; throws, naming {@code what} and its log, when the process exits or
     * {@code patience} runs out (the caller stops the process then).
     */
    public static boolean await(Process process, String healthUrl, Duration patience, String what, Path log) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(healthUrl).toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what);
            }
        }
        return false;
    }
}
