package uz.ekommunal.simulator.device;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

import uz.ekommunal.simulator.fault.FaultConfig;
import uz.ekommunal.simulator.fault.FaultEvent;
import uz.ekommunal.simulator.meter.Reading;
import uz.ekommunal.simulator.meter.SimulatedMeter;
import uz.ekommunal.simulator.senml.SenmlPack;
import uz.ekommunal.simulator.senml.SenmlRecord;
import uz.ekommunal.simulator.transport.PackTransport;
import uz.ekommunal.simulator.truth.GroundTruth;

/**
 * A meter that pushes SenML packs (MQTT or CoAP). It may collect several intervals into one pack
 * ({@code batch}), keeps a backlog while its connection is down and replays it in large packs when
 * it comes back, and applies pack faults: duplicates, out-of-order delivery, malformed payloads.
 */
public final class PackDevice extends Device {
    /** Largest pack a meter sends when it replays a backlog (less where its transport takes less). */
    static final int MAX_BACKLOG_PACK_RECORDS = 480;

    private final PackTransport transport;
    private final int batch;
    private final long skewSeconds;
    private final List<Pending> pending = new ArrayList<>();
    private final List<SenmlRecord> batchRecords = new ArrayList<>();
    private final Deque<SenmlRecord> backlog = new ArrayDeque<>();
    private int intervalsInBatch;
    private int backlogLeft;
    private volatile boolean linkDown;
    private byte[] heldBack;
    private int heldBackReadings;

    public PackDevice(SimulatedMeter meter, SplittableRandom faults, FaultConfig config, GroundTruth truth,
                      long start, long interval, PackTransport transport, int batch, long skewSeconds) {
        this(meter, faults, config, truth, start, interval, transport, batch, skewSeconds, 0);
    }

    /** @param firstPackShortBy intervals fewer in the first pack (0 .. batch - 1): the meter's upload schedule */
    public PackDevice(SimulatedMeter meter, SplittableRandom faults, FaultConfig config, GroundTruth truth,
                      long start, long interval, PackTransport transport, int batch, long skewSeconds,
                      int firstPackShortBy) {
        super(meter, faults, config, truth, start, interval);
        if (firstPackShortBy < 0 || firstPackShortBy >= batch) {
            throw new IllegalArgumentException("a first pack is 0 .. " + (batch - 1) + " intervals short");
        }
        this.transport = transport;
        this.batch = batch;
        this.skewSeconds = skewSeconds;
        this.intervalsInBatch = firstPackShortBy;
    }

    /** Off, or on but without a connection (its readings go to the backlog). */
    @Override
    public boolean online() {
        return super.online() && !linkDown;
    }

    @Override
    protected void report(List<Reading> readings, Notes notes, long offset) {
        if (skewSeconds != 0) {
            notes.add(String.format("skew=%+ds", skewSeconds));
        }
        boolean spike = chance(config.spikeRate()) || active(FaultEvent.Kind.SPIKE, offset);
        List<SenmlRecord> records = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            Reading reading = readings.get(i);
            String value = reading.text();
            Notes readingNotes = notes;
            if (spike && i == 0) {
                value = spiked(reading);
                readingNotes = notes.with("spike=" + value);
            }
            records.add(new SenmlRecord(reading.register().obis(), reading.register().unit(),
                    reading.timestamp() + skewSeconds, value));
            pending.add(new Pending(reading, readingNotes));
        }
        linkDown = disconnected(offset);
        if (linkDown) {
            keepInBacklog(records);
            return;
        }
        replayBacklog();
        addToBatch(records, offset);
    }

    @Override
    protected void keepHistory(List<Reading> readings, Notes notes) {
        writeTruth(readings, notes.with("history"));
        for (Reading reading : readings) {
            backlog.add(new SenmlRecord(reading.register().obis(), reading.register().unit(),
                    reading.timestamp() + skewSeconds, reading.text()));
        }
        if (backlog.size() >= transport.maxPackRecords()) {
            replayBacklog();
        }
    }

    @Override
    protected void sendHistory() {
        replayBacklog();
    }

    /** A connection loss drawn at random lasts {@code backlogIntervals}; an outage event as long as the event. */
    private boolean disconnected(long offset) {
        if (backlogLeft > 0) {
            backlogLeft--;
            return true;
        }
        if (chance(config.backlogRate())) {
            backlogLeft = config.backlogIntervals() - 1;
            return true;
        }
        return active(FaultEvent.Kind.OUTAGE, offset);
    }

    @Override
    protected void goOffline() {
        // a meter that is off neither measures for the gateway nor remembers: what it was collecting is lost
        for (Pending p : pending) {
            truth.write(p.reading(), p.notes().with("gap").toString());
        }
        pending.clear();
        batchRecords.clear();
        intervalsInBatch = 0;
    }

    @Override
    public void flush() {
        replayBacklog();
        if (!batchRecords.isEmpty()) {
            emit(-1);
        }
        releaseHeldBack();
    }

    private void addToBatch(List<SenmlRecord> records, long offset) {
        batchRecords.addAll(records);
        intervalsInBatch++;
        if (intervalsInBatch >= batch) {
            emit(offset);
        }
    }

    /** Sends the collected batch as one pack, with the pack faults drawn now. */
    private void emit(long offset) {
        boolean malformed = chance(config.malformedRate()) || active(FaultEvent.Kind.MALFORMED, offset);
        boolean duplicate = chance(config.duplicateRate()) || active(FaultEvent.Kind.DUPLICATE, offset);
        boolean outOfOrder = chance(config.outOfOrderRate()) || active(FaultEvent.Kind.OUT_OF_ORDER, offset);
        String serial = spec().serial();
        byte[] payload = SenmlPack.bytes(serial, batchRecords);
        int readings = batchRecords.size();
        if (malformed) {
            payload = Malformed.payload(serial, batchRecords, faults.nextInt(Malformed.KINDS));
            readings = 0;
        }
        for (int i = 0; i < pending.size() && truth.keeps(); i++) { // notes only for a ground truth that keeps them
            Pending p = pending.get(i);
            Notes notes = p.notes();
            if (malformed) {
                notes = notes.with("malformed");
            }
            if (duplicate) {
                notes = notes.with("duplicate");
            }
            if (outOfOrder) {
                notes = notes.with("out-of-order");
            }
            truth.write(p.reading(), notes.toString());
        }
        pending.clear();
        batchRecords.clear();
        intervalsInBatch = 0;
        if (outOfOrder && heldBack == null) {
            heldBack = payload;
            heldBackReadings = readings;
            if (duplicate) {
                transport.send(spec(), payload, readings);
            }
            return;
        }
        transport.send(spec(), payload, readings);
        if (duplicate) {
            transport.send(spec(), payload, readings);
        }
        releaseHeldBack();
    }

    private void releaseHeldBack() {
        if (heldBack != null) {
            transport.send(spec(), heldBack, heldBackReadings);
            heldBack = null;
        }
    }

    private void keepInBacklog(List<SenmlRecord> records) {
        for (Pending p : pending) {
            truth.write(p.reading(), p.notes().with("backlog").toString());
        }
        pending.clear();
        backlog.addAll(batchRecords);
        batchRecords.clear();
        intervalsInBatch = 0;
        backlog.addAll(records);
    }

    /** Sends the backlog in big packs, oldest first, the way field devices catch up after an outage. */
    private void replayBacklog() {
        while (!backlog.isEmpty()) {
            int max = Math.min(MAX_BACKLOG_PACK_RECORDS, transport.maxPackRecords());
            List<SenmlRecord> pack = new ArrayList<>(Math.min(backlog.size(), max));
            while (!backlog.isEmpty() && pack.size() < max) {
                pack.add(backlog.poll());
            }
            transport.send(spec(), SenmlPack.bytes(spec().serial(), pack), pack.size());
        }
    }

    private record Pending(Reading reading, Notes notes) {
    }
}
