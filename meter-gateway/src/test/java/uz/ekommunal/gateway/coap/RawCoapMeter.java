package uz.ekommunal.gateway.coap;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.RawData;

/**
 * A meter speaking CoAP datagrams by hand, so a test can send the very same bytes twice (a
 * retransmission: same message id, same token, same payload), which a Californium client never does.
 */
final class RawCoapMeter implements AutoCloseable {

    private final DatagramSocket socket;
    private final int gatewayPort;

    RawCoapMeter(int gatewayPort) throws Exception {
        this.gatewayPort = gatewayPort;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(10_000);
    }

    /** One confirmable POST of one reading, serialized as a meter would send it. */
    byte[] post(String serial, long time, String value, int mid) {
        Request request = Request.newPost();
        request.setConfirmable(true);
        request.setMID(mid);
        request.setToken(Token.fromProvider(new byte[] {(byte) (mid >> 8), (byte) mid}));
        request.getOptions().addUriPath("readings").setContentFormat(MediaTypeRegistry.APPLICATION_SENML_JSON);
        request.setPayload(("[{\"bn\":\"" + serial + ":\",\"bt\":" + time + ",\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":"
                + value + "}]").getBytes(StandardCharsets.UTF_8));
        request.setDestinationContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", gatewayPort)));
        return new UdpDataSerializer().serializeRequest(request).getBytes();
    }

    /** Sends the bytes and returns the code of the piggy-backed or separate answer to that message id. */
    CoAP.ResponseCode exchange(byte[] message) throws Exception {
        int mid = ((message[2] & 0xff) << 8) | (message[3] & 0xff);
        socket.send(new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(), gatewayPort));
        UdpDataParser parser = new UdpDataParser();
        while (true) {
            byte[] buffer = new byte[2048];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            RawData raw = RawData.inbound(Arrays.copyOf(buffer, packet.getLength()), new AddressEndpointContext(from),
                    false, System.nanoTime(), (InetSocketAddress) socket.getLocalSocketAddress());
            Message answer = parser.parseMessage(raw);
            if (answer instanceof Response response) {
                if (response.getType() == CoAP.Type.CON) {  // a separate answer: acknowledge it
                    EmptyMessage ack = new EmptyMessage(CoAP.Type.ACK);
                    ack.setMID(response.getMID());
                    ack.setDestinationContext(new AddressEndpointContext(from));
                    byte[] bytes = new UdpDataSerializer().serializeEmptyMessage(ack).getBytes();
                    socket.send(new DatagramPacket(bytes, bytes.length, from));
                    return response.getCode();
                }
                if (response.getMID() == mid) {
                    return response.getCode();
                }
            }
            // an empty ACK (the answer comes separately) or an answer to an earlier message: keep reading
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
