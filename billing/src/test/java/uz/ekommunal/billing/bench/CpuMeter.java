package uz.ekommunal.billing.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * CPU seconds spent by this JVM and by the PostgreSQL backends serving the benchmark's database
 * (read from /proc: the server runs on this machine). On a machine shared with other work, wall
 * time stretches with everyone's load; the CPU a run itself used does much less, so the
 * benchmark reports both. Background server processes (WAL writer, checkpointer, autovacuum)
 * are not counted.
 */
final class CpuMeter {

    private static final double TICK = 0.01; // USER_HZ is 100 on Linux

    private final DataSource pool;
    private final Map<Integer, Long> backendTicks = new HashMap<>();
    private long jvmNanos;

    private CpuMeter(DataSource pool) {
        this.pool = pool;
    }

    /** Starts counting now. */
    static CpuMeter start(DataSource pool) throws SQLException {
        CpuMeter m = new CpuMeter(pool);
        m.jvmNanos = jvmCpuNanos();
        for (int pid : m.backends()) {
            m.backendTicks.put(pid, ticks(pid));
        }
        return m;
    }

    /** CPU seconds since start: [this JVM, the database's backends]. */
    double[] seconds() throws SQLException {
        double jvm = (jvmCpuNanos() - jvmNanos) / 1e9;
        long server = 0;
        for (int pid : backends()) {
            server += ticks(pid) - backendTicks.getOrDefault(pid, 0L);
        }
        return new double[] {jvm, server * TICK};
    }

    private Iterable<Integer> backends() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement(
                "select pid from pg_stat_activity where datname = current_database()");
             ResultSet rs = select.executeQuery()) {
            java.util.List<Integer> pids = new java.util.ArrayList<>();
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
            return pids;
        }
    }

    private static long jvmCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of a process, in clock ticks; 0 when it is gone or not readable. */
    private static long ticks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
