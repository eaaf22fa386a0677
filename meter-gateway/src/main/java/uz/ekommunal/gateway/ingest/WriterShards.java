package uz.ekommunal.gateway.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import uz.ekommunal.gateway.reading.MeterReading;

/**
 * Several batch writers side by side, each with its own thread, connection, spool and recent
 * readings, so that one validates and encodes while another's rows are in the database, and the
 * database writes on more than one core. A meter's readings always go to the same writer (by its
 * serial), so they are validated in the order they came, against everything written before them;
 * a payload naming meters of several writers is split between them and answered once all parts
 * are durable. Payloads refused before writing (for quarantine) go to the first writer.
 */
final class WriterShards implements AutoCloseable {

    private final List<BatchWriter> writers;

    WriterShards(List<BatchWriter> writers) {
        this.writers = List.copyOf(writers);
    }

    static int shardOf(String serial, int shards) {
        return Math.floorMod(serial.hashCode(), shards);
    }

    /** @see BatchWriter#offer */
    CompletableFuture<WriteOutcome> offer(Submission submission) {
        if (submission.readings().isEmpty() || writers.size() == 1) {
            return writers.get(0).offer(submission);
        }
        int only = soleShard(submission.readings());
        if (only >= 0) {
            return writers.get(only).offer(submission); // the usual pack: one meter's readings
        }
        Map<Integer, List<MeterReading>> parts = new LinkedHashMap<>();
        for (MeterReading r : submission.readings()) {
            parts.computeIfAbsent(shardOf(r.serial(), writers.size()), s -> new ArrayList<>()).add(r);
        }
        if (parts.size() == 1) {
            return writers.get(parts.keySet().iterator().next()).offer(submission);
        }
        // a refused part makes the caller send the whole payload again: parts already queued are
        // then written twice, and a repeat of a stored reading changes nothing
        List<CompletableFuture<WriteOutcome>> written = new ArrayList<>();
        for (Map.Entry<Integer, List<MeterReading>> part : parts.entrySet()) {
            CompletableFuture<WriteOutcome> done = writers.get(part.getKey()).offer(new Submission(part.getValue(),
                    null, submission.payload(), submission.source(), new CompletableFuture<>()));
            if (done == null) {
                return null;
            }
            written.add(done);
        }
        return CompletableFuture.allOf(written.toArray(CompletableFuture[]::new))
                .thenApply(all -> combine(written.stream().map(CompletableFuture::join).toList()));
    }

    /** The writer of every reading when they are all one meter's, else -1. */
    private int soleShard(List<MeterReading> readings) {
        String serial = readings.get(0).serial();
        for (int i = 1; i < readings.size(); i++) {
            if (!serial.equals(readings.get(i).serial())) {
                return -1;
            }
        }
        return shardOf(serial, writers.size());
    }

    private static WriteOutcome combine(List<WriteOutcome> parts) {
        int accepted = 0;
        Set<String> unknown = new HashSet<>();
        boolean quarantined = false;
        for (WriteOutcome part : parts) {
            accepted += part.accepted();
            unknown.addAll(part.unknownSerials());
            quarantined |= part.quarantined();
        }
        return new WriteOutcome(accepted, Set.copyOf(unknown), quarantined);
    }

    /** Readings taken and not yet written (the writers share one capacity). */
    int queuedReadings() {
        return writers.get(0).queuedReadings();
    }

    long spoolBytes() {
        return writers.stream().mapToLong(BatchWriter::spoolBytes).sum();
    }

    boolean databaseUp() {
        return writers.stream().allMatch(BatchWriter::databaseUp);
    }

    /** The first writer's problem, if any writer has one. */
    String problem(Duration allowed) {
        return writers.stream().map(w -> w.problem(allowed)).filter(Objects::nonNull).findFirst().orElse(null);
    }

    @Override
    public void close() throws InterruptedException {
        for (BatchWriter writer : writers) {
            writer.close();
        }
    }
}
