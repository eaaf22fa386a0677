package uz.ekommunal.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 3.1.1 packets written by hand, for attacks a well-behaved client library will not make:
 * more publishes in flight than allowed, a packet larger than the broker takes, a subscriber that
 * never reads.
 */
public final class RawMqtt implements AutoCloseable {

    private final Socket socket;

    public RawMqtt(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
    }

    /** CONNECT with user name and password (null: none); the CONNACK return code, or -1 if the connection closed. */
    public int connect(String clientId, String user, String password) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(4); // protocol level 3.1.1
        body.write((user != null ? 0x80 : 0) | (password != null ? 0x40 : 0) | 0x02); // clean session
        body.write(0);
        body.write(60); // keep alive
        string(body, clientId);
        if (user != null) {
            string(body, user);
        }
        if (password != null) {
            string(body, password);
        }
        send(0x10, body.toByteArray());
        InputStream in = socket.getInputStream();
        int type = in.read();
        if (type != 0x20) {
            return -1;
        }
        in.read(); // remaining length 2
        in.read(); // session present
        return in.read();
    }

    /** The bytes of a QoS 1 PUBLISH. */
    public static byte[] publishPacket(String topic, int packetId, byte[] payload) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        body.write(packetId >> 8);
        body.write(packetId & 0xff);
        body.write(payload);
        return packet(0x32, body.toByteArray());
    }

    /** A PUBLISH header announcing {@code payloadBytes}, then that much junk, streamed (the broker may close first). */
    public void publishJunk(String topic, int payloadBytes) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(0x32);
        remainingLength(head, 2 + topic.length() + 2 + payloadBytes);
        string(head, topic);
        head.write(0);
        head.write(1);
        socket.getOutputStream().write(head.toByteArray());
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int sent = 0; sent < payloadBytes; sent += chunk.length) {
            socket.getOutputStream().write(chunk, 0, Math.min(chunk.length, payloadBytes - sent));
        }
        socket.getOutputStream().flush();
    }

    /** SUBSCRIBE to {@code filter} at QoS 1; the SUBACK's return code. */
    public int subscribe(String filter) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        body.write(7);
        string(body, filter);
        body.write(1);
        send(0x82, body.toByteArray());
        InputStream in = socket.getInputStream();
        if (in.read() != 0x90) {
            return -1;
        }
        in.read();
        in.read();
        in.read();
        return in.read();
    }

    public void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** True once the broker has closed the connection (read returns end of stream or fails). */
    public boolean closedByBroker() {
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void send(int header, byte[] body) throws IOException {
        write(packet(header, body));
    }

    private static byte[] packet(int header, byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        remainingLength(out, body.length);
        out.write(body);
        return out.toByteArray();
    }

    private static void remainingLength(ByteArrayOutputStream out, int length) {
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
    }

    private static void string(ByteArrayOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xff);
        out.write(bytes);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
