package uz.ekommunal.gateway.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input is read ahead into a buffer, for Paho's {@code tcp://} connections.
 * Paho's {@code MqttInputStream} reads each packet's first byte and its length bytes one at a time
 * from the socket's own stream, and its receiver asks {@code available()} before every packet: on a
 * raw socket that is three or four system calls per PUBLISH. Read ahead, a burst of PUBLISHes costs
 * one {@code recv} per buffer. Only reading changes: Paho buffers its output itself and flushes each
 * packet, and a read that times out leaves the buffer as it was (Paho reads again).
 */
final class ReadAheadSocketFactory extends SocketFactory {

    /** Enough for a burst of PUBLISHes of a few hundred bytes each; the kernel's buffer holds the rest. */
    static final int BUFFER_BYTES = 64 * 1024;

    @Override
    public Socket createSocket() {
        return new ReadAheadSocket();
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
        Socket socket = new ReadAheadSocket();
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

    /** A socket that hands out one buffered input stream, the same on every call. */
    static final class ReadAheadSocket extends Socket {
        private InputStream input;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new ReadAheadInput(super.getInputStream());
            }
            return input;
        }
    }

    /**
     * A buffered stream whose {@code available()} answers from the buffer while it holds bytes
     * (the JDK's asks the socket as well, a system call each time).
     */
    static final class ReadAheadInput extends BufferedInputStream {
        ReadAheadInput(InputStream in) {
            super(in, BUFFER_BYTES);
        }

        @Override
        public synchronized int available() throws IOException {
            int buffered = count - pos;
            return buffered > 0 ? buffered : super.available();
        }
    }
}
