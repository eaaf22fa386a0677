package uz.ekommunal.app.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.platform.config.ConfigException;

/**
 * A PostgreSQL left running on our data folder by a process that died without stopping it (kill -9
 * of the application: the embedded server is started through pg_ctl and outlives it). Found by its
 * {@code postmaster.pid}; stopped with SIGINT (PostgreSQL's "fast shutdown": it ends the sessions,
 * writes a checkpoint and exits), or, when that is not possible, start-up stops saying exactly what
 * to do. Only called while this process holds the data folder's {@link DataFolderLock}, so a
 * PostgreSQL found here belongs to no living application.
 */
final class OrphanedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final long STOP_WAIT_SECONDS = 60;

    private OrphanedPostgres() {
    }

    /** Stops a PostgreSQL still running on {@code dataDir}; does nothing when there is none. */
    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster = runningPostmaster(pidFile);
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        LOG.warn("An embedded PostgreSQL (PID {}) from an earlier run still runs on {}; stopping it (SIGINT)", pid,
                dataDir.toAbsolutePath());
        if (!signal(pid, "INT")) {
            throw new ConfigException(stuck(pid, dataDir, "it cannot be signalled by this user"));
        }
        try {
            postmaster.get().onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ConfigException(stuck(pid, dataDir, "it did not stop within " + STOP_WAIT_SECONDS + " s"));
        }
        LOG.info("The earlier embedded PostgreSQL (PID {}) has stopped", pid);
    }

    /** The live postmaster named by the pid file, if it is a PostgreSQL at all (a PID may be reused). */
    static Optional<ProcessHandle> runningPostmaster(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return Optional.empty(); // PostgreSQL itself handles a damaged or stale pid file
        }
        long pid = Long.parseLong(lines.get(0).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
    }

    private static boolean signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String stuck(long pid, Path dataDir, String why) {
        return "An embedded PostgreSQL from an earlier run (PID " + pid + ") still runs on "
                + dataDir.toAbsolutePath() + " and " + why + ". Stop it: kill -INT " + pid
                + " (if it does not end: kill -QUIT " + pid + "), then start again.";
    }
}
