package uz.ekommunal.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Measures the time from publishing a reading (QoS 1) to the moment a query can see it, while
 * other load runs. One probe meter publishes a reading every {@code periodMs}; a reader polls the
 * readings table every millisecond or so and notes when each one appears.
 *
 * <p>Usage: {@code PublishToQueryableProbe brokerUrl jdbcUrl serial seconds periodMs [secret]}. With
 * {@code -Dprobe.warmup=S} it first publishes for S seconds that are not counted: the probe's own JVM
 * (its MQTT client, its JDBC reader) is compiled while it runs, and its first second measured itself
 * as much as the system (2026-12-06: 343 ms in the first second, under 30 ms in most of the rest).
 */
public final class PublishToQueryableProbe {

    /** The reader's slowest query in each second (epoch second → micros): a slow query is the probe's delay. */
    private static final Map<Long, Long> SLOWEST_QUERY = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String broker = args[0];
        String jdbc = args[1];
        String serial = args[2];
        long seconds = Long.parseLong(args[3]);
        long periodMs = Long.parseLong(args[4]);
        long base = System.currentTimeMillis() / 1000 * 1000;
        Map<Long, Long> publishedAt = new ConcurrentHashMap<>();
        List<long[]> latenciesMicros = Collections.synchronizedList(new ArrayList<>()); // {published at ms, micros, reading's time}

        Thread reader = new Thread(() -> read(jdbc, serial, publishedAt, latenciesMicros), "probe-reader");
        reader.setDaemon(true);
        reader.start();

        MqttClient client = new MqttClient(broker, "probe-" + serial, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (args.length > 5) { // the probe meter signs in as itself: user name = serial, password = its secret
            options.setUserName(serial);
            options.setPassword(args[5].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        client.connect(options);
        long warmup = Long.getLong("probe.warmup", 0);
        long measuredFrom = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(warmup);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup + seconds);
        Set<Long> warmupKeys = new HashSet<>();
        long n = 0;
        while (System.nanoTime() < end) {
            long tMillis = base + n * periodMs;
            String pack = pack(serial, tMillis, n);
            MqttMessage message = new MqttMessage(pack.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            if (System.currentTimeMillis() < measuredFrom) {
                warmupKeys.add(tMillis);
            }
            publishedAt.put(tMillis, System.nanoTime());
            client.publish("meters/" + serial + "/readings", message);
            n++;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(periodMs)); // the probe's publishing period
        }
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (latenciesMicros.size() < n && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        client.disconnect();
        client.close();
        report(new ArrayList<>(latenciesMicros), warmupKeys, warmup, n);
    }

    /**
     * The probe's n-th reading as a SenML pack. Its register rises 0.01 kWh a reading, as a real meter's
     * does, so validation trusts it; a step of 1 every 20 ms was a spike, and every later reading,
     * measured from the last trusted one, a spike too (2026-12-07): untrusted readings are not what the
     * gateway's steady state handles.
     */
    static String pack(String serial, long tMillis, long n) {
        return "[{\"bn\":\"" + serial + ":\",\"bt\":" + (tMillis / 1000.0) + ",\"n\":\"1-0:1.8.0\",\"v\":"
                + BigDecimal.valueOf(n, 2).toPlainString() + "}]";
    }

    /**
     * Prints the readings seen outside the warm-up: the slowest, each second's slowest, the percentiles.
     *
     * @param all {published at ms, latency in micros, reading's time} of every reading seen
     * @param published readings published, the warm-up's included
     */
    private static void report(List<long[]> all, Set<Long> warmupKeys, long warmup, long published) {
        List<long[]> seen = all.stream().filter(l -> !warmupKeys.contains(l[2])).collect(Collectors.toList());
        if (warmup > 0) {
            System.out.printf("probe: warm-up %d s, not counted: %d readings seen, slowest %.1f ms%n", warmup,
                    all.size() - seen.size(), all.stream().filter(l -> warmupKeys.contains(l[2])).mapToLong(l -> l[1]).max()
                            .orElse(0) / 1000.0);
        }
        seen.sort(Comparator.comparingLong((long[] l) -> l[1]).reversed());
        System.out.println("probe: slowest " + seen.stream().limit(5).map(l -> String.format("%.1f ms at %s",
                l[1] / 1000.0, clock(l[0]))).toList() + " (published, UTC): to line up with what else happened then");
        TreeMap<Long, Long> worstBySecond = new TreeMap<>();
        seen.forEach(l -> worstBySecond.merge(l[0] / 1000, l[1], Math::max));
        long firstSecond = worstBySecond.isEmpty() ? 0L : worstBySecond.firstKey();
        System.out.println("probe: slowest of each second from " + clock(firstSecond * 1000) + ", ms: "
                + worstBySecond.values().stream().map(m -> String.valueOf(m / 1000)).collect(Collectors.joining(" ")));
        System.out.println("probe: the reader's slowest query of each second, ms: " + new TreeMap<>(SLOWEST_QUERY)
                .tailMap(firstSecond).values().stream()
                .map(m -> String.valueOf(m / 1000)).collect(Collectors.joining(" ")));
        List<Long> sorted = new ArrayList<>(seen.stream().map(l -> l[1]).toList());
        Collections.sort(sorted);
        System.out.printf("probe: %d published, %d seen; publish-to-queryable ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                published - warmupKeys.size(), sorted.size(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static void read(String jdbc, String serial, Map<Long, Long> publishedAt, List<long[]> latencies) {
        try (Connection c = DriverManager.getConnection(jdbc);
             PreparedStatement s = c.prepareStatement("""
                     select (extract(epoch from r.ts) * 1000)::bigint from gateway.readings r
                     join gateway.meters m on m.id = r.meter_id
                     where m.serial = ? and r.ts > to_timestamp(? / 1000.0) order by r.ts""")) {
            long last = 0;
            while (true) {
                s.setString(1, serial);
                // from the oldest reading not seen yet: batches may commit out of order, and reading from the
                // newest seen alone missed a reading that became visible after a later one (2026-12-06)
                long from = last;
                for (long pending : publishedAt.keySet()) {
                    from = Math.min(from, pending - 1);
                }
                s.setLong(2, from);
                long asked = System.nanoTime();
                try (ResultSet rs = s.executeQuery()) {
                    long now = System.nanoTime();
                    SLOWEST_QUERY.merge(System.currentTimeMillis() / 1000, (now - asked) / 1000, Math::max);
                    while (rs.next()) {
                        long t = rs.getLong(1);
                        Long sent = publishedAt.remove(t);
                        if (sent != null) {
                            long micros = (now - sent) / 1000;
                            latencies.add(new long[] {System.currentTimeMillis() - micros / 1000, micros, t});
                        }
                        last = Math.max(last, t);
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // polling interval of the reader
            }
        } catch (Exception e) {
            System.err.println("probe reader stopped: " + e);
        }
    }

    private static String clock(long epochMillis) {
        return DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.ofInstant(Instant.ofEpochMilli(epochMillis),
                ZoneOffset.UTC));
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
