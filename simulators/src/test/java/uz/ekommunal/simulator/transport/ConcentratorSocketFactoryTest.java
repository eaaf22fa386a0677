package uz.ekommunal.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConcentratorSocketFactoryTest {

    /** Counts the calls that reach the stream underneath (on a socket, each is a system call). */
    static final class CountingInput extends FilterInputStream {
        int reads;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reads++;
            return super.read(b, off, len);
        }

        @Override
        public int read() throws IOException {
            reads++;
            return super.read();
        }
    }

    @Test
    void acknowledgementsReadByteByByteReachTheSocketOncePerBuffer() throws IOException {
        byte[] pubacks = new byte[100 * 4];
        for (int i = 0; i < pubacks.length; i += 4) {
            pubacks[i] = 0x40;
            pubacks[i + 1] = 2;
            pubacks[i + 3] = (byte) i;
        }
        CountingInput socket = new CountingInput(new ByteArrayInputStream(pubacks));
        InputStream in = new ConcentratorSocketFactory.ReadAheadInput(socket);
        for (int i = 0; i < pubacks.length; i += 4) { // as Paho: available, the header a byte at a time, the rest
            assertThat(in.available()).isEqualTo(pubacks.length - i);
            assertThat(in.read()).isEqualTo(0x40);
            assertThat(in.read()).isEqualTo(2);
            byte[] rest = new byte[2];
            assertThat(in.read(rest)).isEqualTo(2);
            assertThat(rest[1]).isEqualTo((byte) i);
        }
        assertThat(socket.reads).isEqualTo(1);
    }

    @Test
    void flushedPacketsArriveTogetherWithinTheLingerAndInOrder() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = new ConcentratorSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                     server.getLocalPort());
             Socket peer = server.accept()) {
            OutputStream out = socket.getOutputStream();
            assertThat(socket.getOutputStream()).isSameAs(out);
            byte[] sent = new byte[50 * 100];
            for (int packet = 0; packet < 50; packet++) { // as Paho: write a packet, flush it
                for (int i = 0; i < 100; i++) {
                    sent[packet * 100 + i] = (byte) (packet + i);
                }
                out.write(sent, packet * 100, 100);
                out.flush();
            }
            byte[] received = new byte[sent.length];
            peer.setSoTimeout(5_000); // the linger is a millisecond; without it nothing would ever arrive
            new DataInputStream(peer.getInputStream()).readFully(received);
            assertThat(received).isEqualTo(sent);
        }
    }

    @Test
    void manyFlushesCostFewWrites() throws Exception {
        int[] writes = {0};
        OutputStream counting = new FilterOutputStream(OutputStream.nullOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) {
                writes[0]++;
            }
        };
        ConcentratorSocketFactory.CoalescingOutput out =
                new ConcentratorSocketFactory.CoalescingOutput(counting, new ConcentratorSocketFactory.ConcentratorSocket());
        for (int packet = 0; packet < 1_000; packet++) {
            out.write(new byte[200], 0, 200);
            out.flush();
        }
        out.writeOut();
        // 200 000 bytes: a write each time 16 KB have gathered (or a millisecond passed), not one per flush
        assertThat(writes[0]).isBetween(1, 200); // 13 by size; the linger adds one a millisecond at most
    }

    @Test
    void closingWritesWhatIsStillCollected() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket socket = new ConcentratorSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                    server.getLocalPort());
            try (Socket peer = server.accept()) {
                socket.getOutputStream().write(new byte[] {(byte) 0xe0, 0}); // a DISCONNECT, not flushed
                socket.close();
                InputStream in = peer.getInputStream();
                assertThat(in.read()).isEqualTo(0xe0);
                assertThat(in.read()).isEqualTo(0);
                assertThat(in.read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void aFailedWriteClosesTheSocketAndFailsTheNextOne() throws Exception {
        ConcentratorSocketFactory.ConcentratorSocket socket = new ConcentratorSocketFactory.ConcentratorSocket();
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("connection reset");
            }
        };
        ConcentratorSocketFactory.CoalescingOutput out = new ConcentratorSocketFactory.CoalescingOutput(broken, socket);
        out.write(new byte[10], 0, 10);
        out.writeOut();
        assertThat(socket.isClosed()).isTrue();
        assertThatThrownBy(() -> out.write(new byte[10], 0, 10)).isInstanceOf(IOException.class)
                .hasRootCauseMessage("connection reset");
    }
}
