package uz.ekommunal.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real TimescaleDB for the tests that prove the TimescaleDB path of the schema: the
 * WebAssembly build from {@code shared/tools/timescaledb-wasm} (found beside the repository, or
 * at {@code EKOMMUNAL_TIMESCALEDB_WASM}). One query at a time, nothing on disk: for correctness,
 * never for timing. It serves one connection at a time: use {@link SingleConnectionDataSource}.
 */
public final class TimescaleServer implements AutoCloseable {

    private final String jdbcUrl;
    private final Path workDir;

    private TimescaleServer(String jdbcUrl, Path workDir) {
        this.jdbcUrl = jdbcUrl;
        this.workDir = workDir;
    }

    public static TimescaleServer start() throws IOException, InterruptedException {
        Path script = findStartScript();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "timescaledb-wasm-" + port);
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), String.valueOf(port))
                .redirectErrorStream(true);
        builder.environment().put("TIMESCALEDB_WASM_DIR", workDir.toString());
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timescaledb-wasm did not start in 300 s");
        }
        String output = new String(process.getInputStream().readAllBytes()).strip();
        if (process.exitValue() != 0) {
            throw new IllegalStateException("timescaledb-wasm failed to start: " + output);
        }
        String url = output.lines().filter(l -> l.startsWith("jdbc:")).reduce((a, b) -> b).orElseThrow();
        return new TimescaleServer(url + "&user=postgres&password=postgres", workDir);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() throws IOException {
        Path pid = workDir.resolve("pid");
        if (Files.exists(pid)) {
            long id = Long.parseLong(Files.readString(pid).strip());
            ProcessHandle.of(id).ifPresent(ProcessHandle::destroy);
        }
    }

    private static Path findStartScript() {
        String configured = System.getenv("EKOMMUNAL_TIMESCALEDB_WASM");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, "start");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/tools/timescaledb-wasm/start");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/tools/timescaledb-wasm/start not found beside the repository; "
                + "set EKOMMUNAL_TIMESCALEDB_WASM to its folder");
    }
}
