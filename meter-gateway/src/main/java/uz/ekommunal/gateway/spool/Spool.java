package uz.ekommunal.gateway.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.store.WriteBatch;

/**
 * An append-only file that holds readings while the database is away. Each record is
 * {@code [length][crc32c][bytes]} and is forced to disk before the readings in it are
 * acknowledged. Replay reads records in the order they were written; a record cut short by a
 * crash is detected by its length or checksum and dropped, together with anything after it.
 * Not thread-safe: one writer thread owns it.
 */
public final class Spool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final int HEADER = 8;

    private final Path file;
    private final FileChannel channel;
    private long replayPosition;

    public Spool(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        truncateTornTail();
        channel.position(channel.size());
        if (channel.size() > 0) {
            LOG.warn("Spool {} holds {} bytes of readings from an earlier run; they are written once the database answers",
                    file, channel.size());
        }
    }

    /** Appends and forces to disk: once this returns, the batch survives a crash. */
    public void append(WriteBatch batch) throws IOException {
        byte[] bytes = SpoolCodec.encode(batch);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + bytes.length);
        buffer.putInt(bytes.length).putInt((int) crc.getValue()).put(bytes).flip();
        channel.position(channel.size());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /** True while there is something not yet replayed. */
    public boolean hasPending() throws IOException {
        return replayPosition < channel.size();
    }

    public long sizeBytes() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Reads up to {@code max} records from the replay position, without moving it. */
    public List<Record> peek(int max) throws IOException {
        List<Record> records = new ArrayList<>();
        long position = replayPosition;
        byte[] bytes;
        while (records.size() < max && (bytes = wholeRecordAt(position)) != null) {
            position += HEADER + bytes.length;
            records.add(new Record(SpoolCodec.decode(bytes), position));
        }
        return records;
    }

    /** Marks everything up to a record's end as written; when all is written, empties the file. */
    public void acknowledge(Record upTo) throws IOException {
        replayPosition = upTo.end();
        if (replayPosition >= channel.size()) {
            channel.truncate(0);
            channel.force(true);
            replayPosition = 0;
            LOG.info("Spool {} replayed and emptied", file);
        }
    }

    /** One spooled batch and where it ends in the file. */
    public record Record(WriteBatch batch, long end) {
    }

    /** The bytes of the record at {@code position}, or null where no whole, intact record stands. */
    private byte[] wholeRecordAt(long position) throws IOException {
        long size = channel.size();
        if (position + HEADER > size) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        channel.read(header, position);
        header.flip();
        int length = header.getInt();
        int crc = header.getInt();
        if (length < 0 || position + HEADER + length > size) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        channel.read(body, position + HEADER);
        CRC32C check = new CRC32C();
        check.update(body.array());
        return (int) check.getValue() == crc ? body.array() : null;
    }

    /** After a crash the last record may be incomplete: cut the file at the last whole record. */
    private void truncateTornTail() throws IOException {
        long position = 0;
        byte[] bytes;
        while ((bytes = wholeRecordAt(position)) != null) {
            position += HEADER + bytes.length;
        }
        long size = channel.size();
        if (position < size) {
            LOG.warn("Spool {}: dropping {} bytes of a record cut short by a crash (never acknowledged)", file,
                    size - position);
            channel.truncate(position);
            channel.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
