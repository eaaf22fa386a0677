package uz.ekommunal.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.testing.TestDatabase;

/**
 * A meter's retransmission (the same confirmable message again: same message id, same bytes) is
 * answered 2.04 and stored once, both while the intake remembers the message and after the meter's
 * later messages have pushed it out of the per-meter duplicate window (duplicates are kept per
 * address, so memory follows meters, not load).
 */
class CoapDuplicatesIT {

    private static final long TIME = 1_764_000_000L;

    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private static TestDatabase db;
    private static IngestPipeline pipeline;
    private static CoapIntake intake;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        pipeline = new IngestPipeline(db.dataSource(), Clock.systemUTC());
        intake = new CoapIntake(pipeline.ingest, pipeline.registry, CoapSettings.ephemeral("127.0.0.1"));
        intake.start();
    }

    @AfterAll
    static void stop() throws Exception {
        intake.close();
        pipeline.close();
        db.close();
    }

    @Test
    void aRetransmittedPostIsAnsweredChangedAndStoredOnceWithinAndBeyondTheDuplicateWindow() throws Exception {
        String serial = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        pipeline.registry.register(new NewMeter(serial, "electricity", "coap", "1234567", 8, BigDecimal.ONE, null, null));
        try (DatagramSocket meter = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            meter.setSoTimeout(10_000);
            byte[] first = post(serial, TIME, "100.5", 1000);

            assertThat(exchange(meter, first)).as("first").isEqualTo(CoAP.ResponseCode.CHANGED);
            assertThat(exchange(meter, first)).as("retransmission, remembered").isEqualTo(CoAP.ResponseCode.CHANGED);
            for (int i = 1; i <= 40; i++) {  // more than the per-meter window: the first message is forgotten
                assertThat(exchange(meter, post(serial, TIME + 900L * i, String.valueOf(100.5 + i), 1000 + i)))
                        .isEqualTo(CoAP.ResponseCode.CHANGED);
            }
            assertThat(exchange(meter, first)).as("retransmission, forgotten").isEqualTo(CoAP.ResponseCode.CHANGED);
        }
        assertThat(pipeline.readings(serial)).hasSize(41)
                .filteredOn(r -> r.time().getEpochSecond() == TIME).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualByComparingTo("100.5"));
    }

    /** One confirmable POST of one reading, serialized as a meter would send it. */
    private static byte[] post(String serial, long time, String value, int mid) {
        Request request = Request.newPost();
        request.setConfirmable(true);
        request.setMID(mid);
        request.setToken(Token.fromProvider(new byte[] {(byte) (mid >> 8), (byte) mid}));
        request.getOptions().addUriPath("readings").setContentFormat(MediaTypeRegistry.APPLICATION_SENML_JSON);
        request.setPayload(("[{\"bn\":\"" + serial + ":\",\"bt\":" + time + ",\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":"
                + value + "}]").getBytes(StandardCharsets.UTF_8));
        request.setDestinationContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", intake.port())));
        RawData raw = new UdpDataSerializer().serializeRequest(request);
        return raw.getBytes();
    }

    /** Sends the bytes and returns the code of the piggy-backed or separate answer to that message id. */
    private static CoAP.ResponseCode exchange(DatagramSocket socket, byte[] message) throws Exception {
        int mid = ((message[2] & 0xff) << 8) | (message[3] & 0xff);
        socket.send(new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(), intake.port()));
        UdpDataParser parser = new UdpDataParser();
        while (true) {
            byte[] buffer = new byte[2048];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            RawData raw = RawData.inbound(Arrays.copyOf(buffer, packet.getLength()),
                    new AddressEndpointContext((InetSocketAddress) packet.getSocketAddress()), false, System.nanoTime(), (InetSocketAddress) socket.getLocalSocketAddress());
            Message answer = parser.parseMessage(raw);
            if (answer instanceof Response response) {
                if (response.getType() == CoAP.Type.CON) {  // a separate answer: acknowledge it
                    Message ack = new org.eclipse.californium.core.coap.EmptyMessage(CoAP.Type.ACK);
                    ack.setMID(response.getMID());
                    ack.setDestinationContext(new AddressEndpointContext((InetSocketAddress) packet.getSocketAddress()));
                    byte[] bytes = new UdpDataSerializer().serializeEmptyMessage(
                            (org.eclipse.californium.core.coap.EmptyMessage) ack).getBytes();
                    socket.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
                    return response.getCode();
                }
                if (response.getMID() == mid) {
                    return response.getCode();
                }
            }
            // an empty ACK (the answer comes separately) or an answer to an earlier message: keep reading
        }
    }
}
