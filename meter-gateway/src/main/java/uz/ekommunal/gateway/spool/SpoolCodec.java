package uz.ekommunal.gateway.spool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.QuarantineEntry;
import uz.ekommunal.gateway.store.WriteBatch;

/** Binary form of a spooled batch. Values are written as decimal text, so nothing is rounded. */
final class SpoolCodec {

    private static final int VERSION = 1;

    private SpoolCodec() {
    }

    static byte[] encode(WriteBatch batch) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(VERSION);
        out.writeInt(batch.groups().size());
        for (WriteBatch.ReadingGroup group : batch.groups()) {
            out.writeUTF(nullToEmpty(group.source()));
            writeBytes(out, group.payload());
            out.writeInt(group.readings().size());
            for (MeterReading r : group.readings()) {
                out.writeUTF(r.serial());
                out.writeByte(r.register().ordinal());
                writeInstant(out, r.time());
                out.writeUTF(r.value().toString());
                out.writeByte(r.protocol().ordinal());
                writeInstant(out, r.receivedAt());
            }
        }
        out.writeInt(batch.quarantine().size());
        for (QuarantineEntry q : batch.quarantine()) {
            writeInstant(out, q.receivedAt());
            out.writeByte(q.protocol().ordinal());
            out.writeUTF(nullToEmpty(q.source()));
            out.writeUTF(q.reason());
            out.writeUTF(q.detail());
            writeBytes(out, q.payload());
        }
        out.flush();
        return bytes.toByteArray();
    }

    static WriteBatch decode(byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("spool record version " + version + " is not " + VERSION);
        }
        int groups = in.readInt();
        List<WriteBatch.ReadingGroup> readings = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            String source = emptyToNull(in.readUTF());
            byte[] payload = readBytes(in);
            int n = in.readInt();
            List<MeterReading> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String serial = in.readUTF();
                Register register = Register.values()[in.readUnsignedByte()];
                Instant time = readInstant(in);
                BigDecimal value = new BigDecimal(in.readUTF());
                Protocol protocol = Protocol.values()[in.readUnsignedByte()];
                list.add(new MeterReading(serial, register, time, value, protocol, readInstant(in)));
            }
            readings.add(new WriteBatch.ReadingGroup(source, payload, list));
        }
        int entries = in.readInt();
        List<QuarantineEntry> quarantine = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            Instant received = readInstant(in);
            Protocol protocol = Protocol.values()[in.readUnsignedByte()];
            quarantine.add(new QuarantineEntry(received, protocol, emptyToNull(in.readUTF()), in.readUTF(),
                    in.readUTF(), readBytes(in)));
        }
        return new WriteBatch(readings, quarantine);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
