package uz.ekommunal.simulator.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command-line peer (mosquitto_sub, mbpoll, coap-server-notls) whose output lines are collected as they come. */
final class ExternalProcess implements AutoCloseable {
    private final Process process;
    /** Appended to by the reader thread; a copy-on-write list would copy itself per line and fall behind. */
    private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private ExternalProcess(List<String> command) throws IOException {
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("!! " + e);
            }
        }, "output-of-" + command.get(0));
        reader.setDaemon(true);
        reader.start();
    }

    static ExternalProcess start(String... command) throws IOException {
        return new ExternalProcess(List.of(command));
    }

    /** Runs a command to its end and returns its output. */
    static List<String> run(Duration timeout, String... command) throws Exception {
        try (ExternalProcess p = start(command)) {
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
            }
            p.reader.join(timeout.toMillis());
            return p.lines();
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    boolean printed(String fragment) {
        return lines().stream().anyMatch(l -> l.contains(fragment));
    }

    boolean exited() {
        return !process.isAlive();
    }

    void awaitExit(Duration timeout) throws InterruptedException {
        Await.until(timeout, "process to exit; output so far: " + lines, () -> !process.isAlive());
        reader.join(timeout.toMillis());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
