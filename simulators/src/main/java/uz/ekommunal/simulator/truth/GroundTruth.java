package uz.ekommunal.simulator.truth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import uz.ekommunal.simulator.meter.Reading;

/**
 * What each register truly showed at each reading time, as CSV:
 * {@code serial,register,timestamp,value,note}. The timestamp is the true time in seconds since the
 * epoch (not the meter's skewed clock); the note says what happened to the reading on its way
 * (semicolon-separated: {@code gap}, {@code backlog}, {@code duplicate}, {@code out-of-order},
 * {@code malformed}, {@code spike=VALUE}, {@code skew=+Ns}, {@code rollover}, {@code removed}, {@code replaced}, {@code leak}).
 * Written by the single generator thread in simulated-time order, so a seed gives the same file every time.
 */
public final class GroundTruth implements AutoCloseable {
    public static final String HEADER = "serial,register,timestamp,value,note";
    private static final GroundTruth DISCARD = new GroundTruth(null);

    private final BufferedWriter out;

    private GroundTruth(BufferedWriter out) {
        this.out = out;
    }

    /** Writes to {@code file}, replacing it. */
    public static GroundTruth to(Path file) {
        try {
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            writer.write(HEADER);
            writer.write('\n');
            return new GroundTruth(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ground truth to " + file, e);
        }
    }

    /** A ground truth that keeps nothing. */
    public static GroundTruth discard() {
        return DISCARD;
    }

    /** False for {@link #discard()}: callers may skip composing notes nobody reads. */
    public boolean keeps() {
        return out != null;
    }

    public void write(Reading reading, String note) {
        if (out == null) {
            return;
        }
        try {
            out.write(reading.serial());
            out.write(',');
            out.write(reading.register().obis());
            out.write(',');
            out.write(Long.toString(reading.timestamp()));
            out.write(',');
            out.write(reading.text());
            out.write(',');
            out.write(note);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ground truth", e);
        }
    }

    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close ground truth", e);
        }
    }
}
