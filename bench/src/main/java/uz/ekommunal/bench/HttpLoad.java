package uz.ekommunal.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * An HTTP load generator with two modes, both spreading requests round-robin over a list of
 * targets (a path and a bearer token each, so many users are asked for):
 * <ul>
 *   <li>{@code rate}: an open model. Request {@code i} is due at {@code start + i / rate}; it is sent
 *       then whatever the earlier ones are doing, and its latency counts from that due time, so a
 *       server that falls behind shows its queueing instead of slowing the generator down
 *       (no coordinated omission). Requests wait for a free connection in the client's queue, and
 *       that wait counts too.</li>
 *   <li>{@code closed}: {@code connections} loops, each sending its next request when the last one
 *       answered: the most the server does at that concurrency.</li>
 * </ul>
 * Each mode runs {@code warmup} seconds unrecorded, then {@code seconds} recorded. An error is a
 * failed exchange, a status other than 200, or a body containing the {@code --fail-body} text.
 * The last line is {@code RESULT key=value ...} for scripts.
 *
 * <p>Usage: {@code HttpLoad --port P --targets FILE --name NAME --mode rate|closed [--rate R]
 * [--connections N] [--warmup S] [--seconds S] [--fail-body TEXT] [--max-outstanding N] [--host H]}; a
 * rate run stops sending when more than {@code max-outstanding} (default 5 s worth) wait for an
 * answer, and counts what it did not send as errors. A targets line is
 * {@code path} or {@code path<TAB>token}.
 */
public final class HttpLoad {

    private static final long TIMEOUT_MS = 30_000;

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final String host;
    private final int port;
    private final List<String[]> targets;
    private final String failBody;
    private final int connections;
    private final AtomicLong next = new AtomicLong();
    /** Latencies of the recorded window, in microseconds; touched only on the client's event loop. */
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    private long ok;
    private long errors;
    private long bytes;
    private final List<String> errorSamples = new ArrayList<>();

    private HttpLoad(Vertx vertx, String host, int port, int connections, List<String[]> targets, String failBody) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.targets = targets;
        this.failBody = failBody;
        this.connections = connections;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
                // a connection idle for 20 s is closed by us, before the system's 30 s idle timeout closes it
                // under a request just sent (a "Connection was closed" error that is the race, not the server)
                .setKeepAliveTimeout(20).setConnectTimeout(5_000), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        List<String[]> targets = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a.get("targets", null)))) {
            if (!line.isBlank()) {
                targets.add(line.split("\t", 2));
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no targets in " + a.get("targets", null));
        }
        Collections.shuffle(targets, new Random(42));
        String mode = a.get("mode", "rate");
        int connections = Integer.parseInt(a.get("connections", mode.equals("rate") ? "256" : "64"));
        double warmup = Double.parseDouble(a.get("warmup", "10"));
        double seconds = Double.parseDouble(a.get("seconds", "30"));
        // one event loop: the generator shares the machine with the server and takes at most a core
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpLoad load = new HttpLoad(vertx, a.get("host", "127.0.0.1"), Integer.parseInt(a.get("port", null)),
                connections, targets, a.optional("fail-body"));
        String name = a.get("name", "load");
        String result;
        try {
            if (mode.equals("rate")) {
                double rate = Double.parseDouble(a.get("rate", "1000"));
                long maxOutstanding = Long.parseLong(a.get("max-outstanding", Long.toString((long) (rate * 5))));
                result = load.runRate(name, rate, warmup, seconds, maxOutstanding);
            } else if (mode.equals("closed")) {
                result = load.runClosed(name, warmup, seconds);
            } else {
                throw new IllegalArgumentException("mode must be rate or closed: " + mode);
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        System.out.println(result);
    }

    /** Sends at a fixed rate; latency from each request's due time. */
    private String runRate(String name, double rate, double warmupS, double seconds, long maxOutstanding)
            throws InterruptedException {
        long intervalNs = Math.round(1e9 / rate);
        long start = System.nanoTime() + 50_000_000;
        long recordFrom = start + (long) (warmupS * 1e9);
        long end = recordFrom + (long) (seconds * 1e9);
        long total = (end - start) / intervalNs;
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong outstanding = new AtomicLong();
        long[] sent = {0};
        long[] lateSends = {0};
        long[] unsent = {0};
        vertx.runOnContext(v -> vertx.setPeriodic(1, id -> {
            long now = System.nanoTime();
            if (outstanding.get() > maxOutstanding && sent[0] < total) {
                // the server is far behind: stop rather than queue minutes of work in it; the rest count as errors
                unsent[0] = total - sent[0];
                errorSamples.add(0, "stopped sending at " + outstanding.get() + " requests outstanding, "
                        + unsent[0] + " never sent");
                sent[0] = total;
            }
            while (sent[0] < total && start + sent[0] * intervalNs <= now) {
                long due = start + sent[0] * intervalNs;
                if (now - due > 10_000_000) {
                    lateSends[0]++; // the generator itself fell more than 10 ms behind its schedule
                }
                sent[0]++;
                outstanding.incrementAndGet();
                send(due, due >= recordFrom).onComplete(x -> {
                    if (outstanding.decrementAndGet() == 0 && sent[0] == total) {
                        done.countDown();
                    }
                });
            }
            if (sent[0] == total) {
                vertx.cancelTimer(id);
                if (outstanding.get() == 0) {
                    done.countDown();
                }
            }
        }));
        if (!done.await((long) (warmupS + seconds) + TIMEOUT_MS / 1000 + 30, TimeUnit.SECONDS)) {
            errors += outstanding.get();
            errorSamples.add(outstanding.get() + " requests never finished");
        }
        errors += Math.min(unsent[0], (end - recordFrom) / intervalNs);
        double recorded = (double) (end - recordFrom) / 1e9;
        return report(name, "rate", String.format(Locale.ROOT, "target_rate=%.0f connections_max=%d late_sends=%d "
                + "unsent=%d", rate, connections, lateSends[0], unsent[0]), recorded);
    }

    /** {@code connections} request loops, each waiting for its answer before the next. */
    private String runClosed(String name, double warmupS, double seconds) throws InterruptedException {
        long start = System.nanoTime();
        long recordFrom = start + (long) (warmupS * 1e9);
        long end = recordFrom + (long) (seconds * 1e9);
        CountDownLatch done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            vertx.runOnContext(v -> loop(recordFrom, end, done));
        }
        if (!done.await((long) (warmupS + seconds) + TIMEOUT_MS / 1000 + 30, TimeUnit.SECONDS)) {
            errorSamples.add("some loops never finished");
            errors++;
        }
        return report(name, "closed", "connections=" + connections, (double) (end - recordFrom) / 1e9);
    }

    private void loop(long recordFrom, long end, CountDownLatch done) {
        long now = System.nanoTime();
        if (now >= end) {
            done.countDown();
            return;
        }
        // recorded only when sent inside the window and answered before it closes
        send(now, now >= recordFrom, end).onComplete(x -> loop(recordFrom, end, done));
    }

    private Future<Void> send(long dueNs, boolean record) {
        return send(dueNs, record, Long.MAX_VALUE);
    }

    private Future<Void> send(long dueNs, boolean record, long recordUntilNs) {
        String[] target = targets.get((int) (next.getAndIncrement() % targets.size()));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
                .setURI(target[0]).setIdleTimeout(TIMEOUT_MS);
        if (target.length > 1 && !target[1].isEmpty()) {
            options.putHeader("Authorization", "Bearer " + target[1]);
        }
        return client.request(options)
                .compose(req -> req.send().compose(resp -> resp.body().map(body -> {
                    bytes += body.length();
                    return check(resp.statusCode(), body);
                })))
                .otherwise(e -> "failed: " + e)
                .map(problem -> {
                    long now = System.nanoTime();
                    if (record && now <= recordUntilNs) {
                        if (problem == null) {
                            ok++;
                        } else {
                            errors++;
                            if (errorSamples.size() < 5) {
                                errorSamples.add(problem);
                            }
                        }
                        histogram.recordValue(Math.min(histogram.getHighestTrackableValue(),
                                Math.max(1, (now - dueNs) / 1_000)));
                    }
                    return null;
                });
    }

    /** Null when the answer is good, else what is wrong with it. */
    private String check(int status, Buffer body) {
        if (status != 200) {
            String text = body.toString();
            return "status " + status + ": " + text.substring(0, Math.min(200, text.length()));
        }
        if (failBody != null && body.toString().contains(failBody)) {
            return "body contains " + failBody;
        }
        return null;
    }

    private String report(String name, String mode, String extra, double seconds) {
        for (String e : errorSamples) {
            System.out.println("error sample: " + e);
        }
        double throughput = ok / seconds;
        long meanBytes = bytes / Math.max(1, next.get());
        System.out.printf(Locale.ROOT, "%s (%s, %s): %d ok, %d errors in %.1f s = %.0f req/s; latency ms p50 %.2f, "
                        + "p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f%n", name, mode, extra, ok, errors, seconds,
                throughput, ms(50), ms(90), ms(99), ms(99.9), histogram.getMaxValue() / 1000.0);
        double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return String.format(Locale.ROOT, "RESULT name=%s mode=%s %s ok=%d errors=%d seconds=%.1f throughput=%.1f "
                        + "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f client_cpu_s=%.2f "
                        + "bytes_per_response=%d", name, mode, extra, ok, errors, seconds, throughput, ms(50), ms(90),
                ms(99), ms(99.9), histogram.getMaxValue() / 1000.0, cpu, meanBytes);
    }

    private double ms(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
