package uz.ekommunal.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class ReadAheadSocketFactoryTest {

    /** Counts the calls that reach the stream underneath (on a socket, each is a system call). */
    static final class CountingInput extends FilterInputStream {
        int reads;
        int availables;

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

        @Override
        public int available() throws IOException {
            availables++;
            return super.available();
        }
    }

    @Test
    void packetsReadByteByByteReachTheSocketOncePerBuffer() throws IOException {
        byte[] packets = new byte[3 * 300];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = (byte) i;
        }
        CountingInput socket = new CountingInput(new ByteArrayInputStream(packets));
        InputStream in = new ReadAheadSocketFactory.ReadAheadInput(socket);

        byte[] read = new byte[packets.length];
        for (int packet = 0; packet < 3; packet++) { // as Paho: available, a header byte at a time, the rest
            assertThat(in.available()).isEqualTo(packets.length - packet * 300);
            int at = packet * 300;
            read[at] = (byte) in.read();
            read[at + 1] = (byte) in.read();
            assertThat(in.read(read, at + 2, 298)).isEqualTo(298);
        }

        assertThat(read).isEqualTo(packets);
        assertThat(socket.reads).isEqualTo(1);
        assertThat(socket.availables).isEqualTo(1); // only while the buffer was still empty
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void aSocketHandsOutOneStreamThatSurvivesAReadTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = new ReadAheadSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5_000);
            socket.setSoTimeout(200);
            try (Socket peer = server.accept()) {
                InputStream in = socket.getInputStream();
                assertThat(socket.getInputStream()).isSameAs(in);
                OutputStream out = peer.getOutputStream();
                out.write(new byte[] {0x30, 3, 'a'});
                out.flush();
                assertThat(in.read()).isEqualTo(0x30);
                assertThat(in.read()).isEqualTo(3);
                assertThat(in.read()).isEqualTo('a');

                assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class); // Paho reads again

                out.write(new byte[] {'b', 'c'});
                out.flush();
                assertThat(in.read()).isEqualTo('b');
                assertThat(in.read()).isEqualTo('c');
            }
        }
    }

    @Test
    void theConnectingFactoryMethodsConnect() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = new ReadAheadSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                     server.getLocalPort());
             Socket peer = server.accept()) {
            peer.getOutputStream().write(7);
            assertThat(socket.isConnected()).isTrue();
            assertThat(socket.getInputStream()).isInstanceOf(ReadAheadSocketFactory.ReadAheadInput.class);
            assertThat(socket.getInputStream().read()).isEqualTo(7);
        }
    }
}
