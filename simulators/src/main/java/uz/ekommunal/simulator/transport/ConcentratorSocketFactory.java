package uz.ekommunal.simulator.transport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets for the meters' shared Paho connections ({@code tcp://}), which behave like a data
 * concentrator's uplink: bytes are read ahead and written in batches.
 * <p>
 * Paho reads each PUBACK's first byte and its length byte one at a time and asks {@code available()}
 * before each packet: on a raw socket, three or four system calls per acknowledgement. Read ahead, a
 * burst of acknowledgements costs one {@code recv}. Paho also flushes after every packet, a {@code send}
 * per PUBLISH; here a flush hands the packet to {@link Linger}, which writes what a connection has
 * collected at most {@link Linger#LINGER_NANOS} later (at once from {@link CoalescingOutput#FLUSH_AT} bytes).
 * The packets, their order and the QoS 1 flow are Paho's own; only how many go into one system call changes.
 */
final class ConcentratorSocketFactory extends SocketFactory {

    /** Enough for a burst of acknowledgements; the kernel's buffer holds the rest. */
    static final int READ_BUFFER_BYTES = 64 * 1024;

    @Override
    public Socket createSocket() {
        return new ConcentratorSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private static Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = new ConcentratorSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A socket that hands out one read-ahead input and one coalescing output, the same on every call. */
    static final class ConcentratorSocket extends Socket {
        private InputStream input;
        private CoalescingOutput output;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new ReadAheadInput(super.getInputStream());
            }
            return input;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new CoalescingOutput(super.getOutputStream(), this);
            }
            return output;
        }

        /** Writes what is still collected (Paho's DISCONNECT, say) before the socket goes. */
        @Override
        public void close() throws IOException {
            CoalescingOutput out;
            synchronized (this) {
                out = output;
            }
            if (out != null) {
                out.writeOut();
            }
            super.close();
        }

        void closeQuietly() {
            try {
                super.close();
            } catch (IOException e) {
                // already broken: Paho's receiver sees the closed socket and reconnects
            }
        }
    }

    /**
     * A buffered stream whose {@code available()} answers from the buffer while it holds bytes
     * (the JDK's asks the socket as well, a system call each time).
     */
    static final class ReadAheadInput extends BufferedInputStream {
        ReadAheadInput(InputStream in) {
            super(in, READ_BUFFER_BYTES);
        }

        @Override
        public synchronized int available() throws IOException {
            int buffered = count - pos;
            return buffered > 0 ? buffered : super.available();
        }
    }

    /**
     * Collects Paho's packets; {@link #flush()} leaves them to {@link Linger} unless enough have gathered.
     * A failed write closes the socket (Paho's receiver then reports the lost connection) and fails
     * Paho's next write.
     */
    static final class CoalescingOutput extends OutputStream {
        /** Collected bytes written at once on a flush: a system call then carries dozens of PUBLISHes. */
        static final int FLUSH_AT = 16 * 1024;
        private final OutputStream socket;
        private final ConcentratorSocket owner;
        private final byte[] buffer = new byte[64 * 1024];
        private int count;
        private boolean pending;
        private IOException failed;

        CoalescingOutput(OutputStream socket, ConcentratorSocket owner) {
            this.socket = socket;
            this.owner = owner;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            throwIfFailed();
            if (len > buffer.length - count) {
                drain();
                if (len > buffer.length) {
                    socket.write(b, off, len);
                    return;
                }
            }
            System.arraycopy(b, off, buffer, count, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            synchronized (this) {
                throwIfFailed();
                if (count >= FLUSH_AT) {
                    drain();
                    return;
                }
                if (count == 0 || pending) {
                    return;
                }
                pending = true;
            }
            Linger.INSTANCE.add(this);
        }

        /** Writes what has been collected; called by {@link Linger} and before the socket closes. */
        void writeOut() {
            synchronized (this) {
                pending = false;
                if (failed != null) {
                    return;
                }
                try {
                    drain();
                    return;
                } catch (IOException e) {
                    failed = e;
                }
            }
            owner.closeQuietly();
        }

        private void drain() throws IOException {
            if (count > 0) {
                int n = count;
                count = 0;
                socket.write(buffer, 0, n);
            }
        }

        private void throwIfFailed() throws IOException {
            if (failed != null) {
                throw new IOException("the connection failed", failed);
            }
        }

        @Override
        public void close() throws IOException {
            writeOut();
            socket.close();
        }
    }
}
