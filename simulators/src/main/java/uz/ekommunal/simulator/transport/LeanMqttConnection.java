package uz.ekommunal.simulator.transport;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A publishing-only MQTT v5 client for the load generator (OASIS MQTT 5.0: CONNECT, CONNACK, PUBLISH
 * at QoS 1, PUBACK, DISCONNECT), for a data concentrator's uplink at full speed.
 * <p>
 * Paho hands every publish from the caller to its sender thread and every PUBACK from its receiver to
 * its callback thread: about 2.6 futex calls and 1.5 context switches per message, which made the
 * load generator the largest single cost on the machine it shares with what it measures. Here the
 * caller writes the PUBLISH itself and the reader thread counts the PUBACK where it reads it. The
 * bytes on the wire and the system calls that carry them are the same as Paho's over
 * {@link ConcentratorSocketFactory}: the same packets, flushed after each PUBLISH into the same
 * coalescing output, so the broker's work does not change.
 * <p>
 * It does not reconnect: a lost connection fails what was in flight (counted as failed) and every
 * later publish. Reconnects, sessions and TLS are {@link MqttConnection}'s (Paho), the default.
 */
final class LeanMqttConnection implements MqttUplink {
    private static final Logger LOG = LoggerFactory.getLogger(LeanMqttConnection.class);
    private static final int CONNECT = 0x10;
    private static final int CONNACK = 0x20;
    private static final int PUBLISH_QOS1 = 0x32;
    private static final int PUBACK = 0x40;
    private static final int DISCONNECT = 0xE0;
    private static final int RECEIVE_MAXIMUM = 0x21;
    private static final int MAX_PACKET_ID = 0xFFFF;

    private final URI server;
    private final String clientId;
    private final int maxInflight;
    private final Counters counters;
    private final String user;
    private final String password;
    /** Readings of each packet id in flight, plus one; 0 = free. */
    private final AtomicIntegerArray inFlight = new AtomicIntegerArray(MAX_PACKET_ID + 1);
    private Socket socket;
    private OutputStream out;
    private Semaphore window;
    private int permits;
    private int nextId;
    private byte[] packet = new byte[1024];
    private volatile boolean broken;
    private volatile boolean closing;

    /** @param user user name at the broker (a meter's serial or a head-end user), or null for none */
    LeanMqttConnection(String serverUri, String clientId, int maxInflight, Counters counters, String user,
                       String password) {
        this.server = URI.create(serverUri);
        if (!"tcp".equals(server.getScheme())) {
            throw new IllegalArgumentException("the lean MQTT client speaks plain tcp:// only, not " + serverUri);
        }
        this.clientId = clientId;
        this.maxInflight = maxInflight;
        this.counters = counters;
        this.user = user;
        this.password = password;
    }

    @Override
    public void connect() throws IOException {
        socket = new ConcentratorSocketFactory().createSocket(server.getHost(), server.getPort());
        DataInputStream in;
        try {
            socket.setSoTimeout(15_000); // for the CONNACK; the reader then waits as long as it takes
            out = socket.getOutputStream();
            in = new DataInputStream(socket.getInputStream());
            write(connectPacket());
            out.flush();
            int type = in.readUnsignedByte();
            byte[] body = readBody(in);
            if (type != CONNACK || body.length < 2) {
                throw new IOException("expected a CONNACK from " + server + ", got packet type 0x"
                        + Integer.toHexString(type));
            }
            int reason = body[1] & 0xFF;
            if (reason >= 0x80) {
                throw new IOException("the broker refused the connection of " + clientId + ": reason code 0x"
                        + Integer.toHexString(reason));
            }
            permits = Math.min(maxInflight, receiveMaximum(body));
            window = new Semaphore(permits);
            socket.setSoTimeout(0);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        Thread reader = new Thread(() -> readAcks(in), "mqtt-lean-reader-" + clientId);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public int permits() {
        return permits;
    }

    @Override
    public boolean connected() {
        return socket != null && !broken && !socket.isClosed();
    }

    @Override
    public void publish(String topic, byte[] payload, int readings) {
        if (!InFlight.acquire(window)) {
            return;
        }
        counters.sent(readings);
        if (broken) {
            failed(readings);
            return;
        }
        int id = takeId(readings);
        try {
            synchronized (this) {
                write(publishPacket(topic, id, payload));
                out.flush();
            }
        } catch (IOException e) {
            lost(e);
        }
        if (broken && inFlight.getAndSet(id, 0) != 0) {
            failed(readings); // lost before or while it was written: nobody will acknowledge it
        }
    }

    @Override
    public boolean awaitDrained(long deadlineNanos) throws InterruptedException {
        return InFlight.awaitAllBack(window, permits, deadlineNanos);
    }

    @Override
    public void close() {
        closing = true;
        if (socket == null) {
            return;
        }
        try {
            synchronized (this) {
                if (!broken) {
                    write(new Packet(DISCONNECT, 0));
                }
            }
            socket.close(); // writes out what is collected, the DISCONNECT last
        } catch (IOException e) {
            LOG.debug("closing {}: {}", clientId, e.toString());
        }
    }

    /** A packet id not in flight, marked with the readings it carries (the window keeps one free). */
    private int takeId(int readings) {
        while (true) {
            nextId = nextId == MAX_PACKET_ID ? 1 : nextId + 1;
            if (inFlight.compareAndSet(nextId, 0, readings + 1)) {
                return nextId;
            }
        }
    }

    private void readAcks(DataInputStream in) {
        try {
            while (true) {
                int type = in.readUnsignedByte();
                byte[] body = readBody(in);
                if ((type & 0xF0) == PUBACK && body.length >= 2) {
                    int id = (body[0] & 0xFF) << 8 | body[1] & 0xFF;
                    int reason = body.length > 2 ? body[2] & 0xFF : 0;
                    acknowledged(id, reason);
                } else if ((type & 0xF0) == DISCONNECT) {
                    throw new IOException("the broker disconnected " + clientId + ": reason code 0x"
                            + Integer.toHexString(body.length > 0 ? body[0] & 0xFF : 0));
                }
            }
        } catch (IOException e) {
            if (!closing) {
                lost(e);
            }
        }
    }

    private void acknowledged(int id, int reason) {
        int marked = inFlight.getAndSet(id, 0);
        if (marked == 0) {
            return; // not ours (or failed already)
        }
        int readings = marked - 1;
        if (reason < 0x80) {
            counters.acknowledged(readings);
            window.release();
        } else {
            LOG.warn("{}: a publish was refused, reason code 0x{}", clientId, Integer.toHexString(reason));
            failed(readings);
        }
    }

    /** The connection is gone: everything in flight failed, and so will every later publish. */
    private void lost(IOException cause) {
        if (broken) {
            return;
        }
        broken = true;
        LOG.warn("{} lost its connection ({}); the lean client does not reconnect", clientId, cause.toString());
        for (int id = 1; id <= MAX_PACKET_ID; id++) {
            int marked = inFlight.getAndSet(id, 0);
            if (marked != 0) {
                failed(marked - 1);
            }
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already broken
        }
    }

    private void failed(int readings) {
        counters.failed(readings);
        window.release();
    }

    private Packet connectPacket() {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] name = user == null ? null : user.getBytes(StandardCharsets.UTF_8);
        byte[] secret = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
        int flags = 0x02 | (name != null ? 0x80 : 0) | (secret != null ? 0x40 : 0); // clean start
        int length = 10 + 1 + 2 + id.length + (name != null ? 2 + name.length : 0)
                + (secret != null ? 2 + secret.length : 0);
        Packet p = new Packet(CONNECT, length);
        p.bytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 5, (byte) flags, 0, 0}); // keep alive 0: none asked
        p.put(0); // no properties
        p.string(id);
        if (name != null) {
            p.string(name);
        }
        if (secret != null) {
            p.string(secret);
        }
        return p;
    }

    /** PUBLISH at QoS 1, written into the connection's reused buffer. */
    private Packet publishPacket(String topic, int id, byte[] payload) {
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        int length = 2 + name.length + 2 + 1 + payload.length;
        if (packet.length < 5 + length) {
            packet = new byte[Math.max(5 + length, packet.length * 2)];
        }
        Packet p = new Packet(packet, PUBLISH_QOS1, length);
        p.string(name);
        p.put(id >> 8);
        p.put(id);
        p.put(0); // no properties
        p.bytes(payload);
        return p;
    }

    private void write(Packet p) throws IOException {
        out.write(p.buffer, 0, p.at);
    }

    /** The broker's receive maximum from a CONNACK's properties; 65 535 when absent. */
    static int receiveMaximum(byte[] connack) throws IOException {
        if (connack.length <= 2) {
            return MAX_PACKET_ID;
        }
        int[] at = {2};
        int end = readVarInt(connack, at) + at[0];
        while (at[0] < end) {
            int property = connack[at[0]++] & 0xFF;
            switch (property) {
                case RECEIVE_MAXIMUM -> {
                    return (connack[at[0]] & 0xFF) << 8 | connack[at[0] + 1] & 0xFF;
                }
                case 0x24, 0x25, 0x28, 0x29, 0x2A -> at[0] += 1;
                case 0x13, 0x22 -> at[0] += 2;
                case 0x11, 0x27 -> at[0] += 4;
                case 0x12, 0x1A, 0x1C, 0x1F, 0x15, 0x16 -> at[0] += 2 + u16(connack, at[0]);
                case 0x26 -> {
                    at[0] += 2 + u16(connack, at[0]);
                    at[0] += 2 + u16(connack, at[0]);
                }
                default -> throw new IOException("unknown CONNACK property 0x" + Integer.toHexString(property));
            }
        }
        return MAX_PACKET_ID;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static int readVarInt(byte[] b, int[] at) {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            int digit = b[at[0]++] & 0xFF;
            value |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                return value;
            }
        }
    }

    private static byte[] readBody(DataInputStream in) throws IOException {
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            int digit = in.read();
            if (digit < 0) {
                throw new EOFException("connection closed");
            }
            length |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
            if (shift > 21) {
                throw new IOException("malformed remaining length");
            }
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return body;
    }

    /** Writes one packet: fixed header with its remaining length, then the fields in order. */
    private static final class Packet {
        private final byte[] buffer;
        private int at;

        Packet(int type, int remainingLength) {
            this(new byte[5 + remainingLength], type, remainingLength);
        }

        Packet(byte[] buffer, int type, int remainingLength) {
            this.buffer = buffer;
            put(type);
            int rest = remainingLength;
            do {
                int digit = rest & 0x7F;
                rest >>>= 7;
                put(rest > 0 ? digit | 0x80 : digit);
            } while (rest > 0);
        }

        void put(int b) {
            buffer[at++] = (byte) b;
        }

        void bytes(byte[] b) {
            System.arraycopy(b, 0, buffer, at, b.length);
            at += b.length;
        }

        void string(byte[] b) {
            put(b.length >> 8);
            put(b.length);
            bytes(b);
        }

    }
}
