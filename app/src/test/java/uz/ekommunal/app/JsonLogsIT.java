package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.TestDatabase;

/**
 * EKOMMUNAL_LOG_FORMAT=json, as a log collector reads it: every line the process writes to standard
 * output is one JSON object with time, level, logger and the message with its arguments filled in;
 * answers name their request (X-Request-Id).
 */
class JsonLogsIT {

    @TempDir
    Path dir;

    @Test
    void everyLineIsOneJsonObjectWithItsMessageFilledIn() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            int port = freePort();
            Path out = dir.resolve("out.log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "api")
                    .redirectOutput(out.toFile()).redirectError(dir.resolve("err.log").toFile());
            builder.environment().put("EKOMMUNAL_LOG_FORMAT", "json");
            builder.environment().put("EKOMMUNAL_DB_URL", db.url());
            builder.environment().put("EKOMMUNAL_JWT_SECRET", "a-test-secret-of-at-least-32-characters!");
            builder.environment().put("EKOMMUNAL_HTTP_PORT", Integer.toString(port));
            builder.environment().put("EKOMMUNAL_METRICS_PORT", "-1");
            builder.environment().put("EKOMMUNAL_DATA_DIR", dir.resolve("data").toString());
            Process api = builder.start();
            try {
                Eventually.await(Duration.ofSeconds(90), () -> Files.readString(out),
                        text -> text.contains("is running") || !api.isAlive());
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).header("X-Request-Id", "probe-1").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.headers().firstValue("X-Request-Id")).hasValue("probe-1");
            } finally {
                api.destroy();
                api.waitFor(60, TimeUnit.SECONDS);
            }
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).hasSizeGreaterThan(3);
            for (String line : lines) {
                JsonObject event = new JsonObject(line);
                assertThat(event.fieldNames()).contains("timestamp", "level", "loggerName", "formattedMessage");
            }
            assertThat(lines).anySatisfy(line -> assertThat(new JsonObject(line).getString("formattedMessage"))
                    .startsWith("e-kommunal is running (").doesNotContain("{}"));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
