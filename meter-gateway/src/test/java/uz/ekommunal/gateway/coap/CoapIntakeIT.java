package uz.ekommunal.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.store.StoredReading;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.Processes;
import uz.ekommunal.testing.TestDatabase;

/** The CoAP intake against real clients: Californium (plain and DTLS-PSK) and libcoap's coap-client. */
class CoapIntakeIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long TIME = 1_764_000_000L;

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
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
    void aPostOfARegisteredMeterIsAnsweredChangedOnceStored() throws Exception {
        String serial = register(null);
        CoapResponse response = post(plainUrl(), pack(serial, TIME, "1234.5"), MediaTypeRegistry.APPLICATION_SENML_JSON);

        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        // 2.04 means durable: the row is there without waiting.
        assertThat(pipeline.readings(serial)).singleElement().satisfies(r -> {
            assertThat(r.register()).isEqualTo("1-0:1.8.0");
            assertThat(r.time()).isEqualTo(Instant.ofEpochSecond(TIME));
            assertThat(r.value()).isEqualByComparingTo("1234.5");
            assertThat(r.source()).isEqualTo("coap");
        });
    }

    @Test
    void plainJsonIsAcceptedAndOtherFormatsAreRefused() throws Exception {
        String serial = register(null);
        assertThat(post(plainUrl(), pack(serial, TIME, "7"), MediaTypeRegistry.APPLICATION_JSON).getCode())
                .isEqualTo(ResponseCode.CHANGED);

        CoapResponse refused = post(plainUrl(), pack(serial, TIME + 900, "8"), MediaTypeRegistry.TEXT_PLAIN);
        assertThat(refused.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(pipeline.readings(serial)).hasSize(1);
    }

    @Test
    void aBadPayloadIsAnsweredBadRequestWithTheDiagnostic() throws Exception {
        String serial = register(null);
        CoapResponse response = post(plainUrl(), "[{\"bn\":\"" + serial + ":\",", MediaTypeRegistry.APPLICATION_SENML_JSON);

        assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(response.getResponseText()).startsWith("malformed_json");
        assertThat(pipeline.readings(serial)).isEmpty();
    }

    @Test
    void anUnknownMeterIsAnsweredNotFoundAndQuarantined() throws Exception {
        String unknown = uniqueSerial("X");
        CoapResponse response = post(plainUrl(), pack(unknown, TIME, "1"), MediaTypeRegistry.APPLICATION_SENML_JSON);

        assertThat(response.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(response.getResponseText()).contains(unknown);
        assertThat(pipeline.quarantined("unknown_meter", unknown)).isEqualTo(1);
    }

    @Test
    void libcoapClientPostsAReadingThatIsStored() throws Exception {
        String serial = register(null);
        Processes.Result stored = coapClient(pack(serial, TIME, "42.125"));
        // coap-client exits 0 even on a 4.xx answer: its output and the database tell.
        assertThat(stored.output()).as(stored.output()).contains("2.04").doesNotContain("4.0");
        List<StoredReading> readings = Eventually.await(WAIT, () -> pipeline.readings(serial), r -> !r.isEmpty());
        assertThat(readings.get(0).value()).isEqualByComparingTo("42.125");

        Processes.Result unknown = coapClient(pack(uniqueSerial("X"), TIME, "1"));
        assertThat(unknown.output()).as(unknown.output()).contains("4.04");
    }

    @Test
    void overDtlsTheMetersOwnKeyIsAnsweredChanged() throws Exception {
        String key = randomKey();
        String serial = register(key);
        CoapResponse response = postDtls(serial, key, pack(serial, TIME, "99.5"), WAIT);

        assertThat(response).isNotNull();
        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(pipeline.readings(serial)).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualByComparingTo("99.5"));
    }

    @Test
    void overDtlsAWrongKeyFailsTheHandshake() throws Exception {
        String serial = register(randomKey());
        CoapResponse response;
        try {
            // The server cannot verify the client's Finished and drops it: the handshake never completes.
            response = postDtls(serial, randomKey(), pack(serial, TIME, "1"), Duration.ofSeconds(3));
        } catch (Exception expected) {
            response = null;
        }
        assertThat(response).isNull();
        assertThat(pipeline.readings(serial)).isEmpty();
    }

    @Test
    void overDtlsAMeterMayNotPostAnotherMetersSerial() throws Exception {
        String key = randomKey();
        String serial = register(key);
        String other = register(null);
        CoapResponse response = postDtls(serial, key, pack(other, TIME, "5"), WAIT);

        assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(response.getResponseText()).contains("may post only its own readings", "topic_mismatch");
        assertThat(pipeline.readings(other)).isEmpty();
        assertThat(pipeline.quarantined("topic_mismatch", other)).isEqualTo(1);
    }

    @Test
    void overPlainCoapAMeterWithAKeyIsUnauthorizedAndNothingIsStored() throws Exception {
        String keyed = register(randomKey());
        CoapResponse response = post(plainUrl(), pack(keyed, TIME, "54212"), MediaTypeRegistry.APPLICATION_SENML_JSON);
        Processes.Result libcoap = coapClient(pack(keyed, TIME, "54212"));

        assertThat(response.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(response.getResponseText()).contains("post over DTLS");
        assertThat(libcoap.output()).contains("4.01");
        assertThat(pipeline.readings(keyed)).isEmpty();
    }

    @Test
    void overPlainCoapAMeterThatSpeaksMqttIsForbidden() throws Exception {
        String serial = uniqueSerial("M");
        pipeline.registry.register(new NewMeter(serial, "electricity", "mqtt", "1234567", 8, BigDecimal.ONE, null, null));
        Processes.Result libcoap = coapClient(pack(serial, TIME, "54212"));

        assertThat(libcoap.output()).contains("4.03");
        assertThat(pipeline.readings(serial)).isEmpty();
    }

    @Test
    void aPackOverTheSizeLimitIsEntityTooLarge() throws Exception {
        String serial = register(null);
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; big.length() < CoapSettings.COAP_MAX_PAYLOAD_BYTES.parsedDefault() + 1024; i++) {
            big.append(i == 0 ? "" : ",").append("{\"bn\":\"").append(serial).append(":\",\"bt\":").append(TIME + i)
                    .append(",\"n\":\"1-0:1.8.0\",\"v\":").append(i).append('}');
        }
        CoapResponse response = post(plainUrl(), big.append(']').toString(), MediaTypeRegistry.APPLICATION_SENML_JSON);

        assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        assertThat(pipeline.readings(serial)).isEmpty();
    }

    @Test
    void withPlainCoapOffOnlyDtlsListens() throws Exception {
        CoapIntake dtlsOnly = new CoapIntake(pipeline.ingest, pipeline.registry,
                CoapSettings.ephemeral("127.0.0.1").withPlain(false));
        dtlsOnly.start();
        try {
            assertThat(dtlsOnly.port()).isEqualTo(-1);
            assertThat(dtlsOnly.dtlsPort()).isPositive();
        } finally {
            dtlsOnly.close();
        }
    }

    @Test
    void whenTheWriterIsClosedAPostIsAnsweredServiceUnavailableWithMaxAge() throws Exception {
        IngestPipeline closed = new IngestPipeline(db.dataSource(), Clock.systemUTC());
        CoapIntake stopping = new CoapIntake(closed.ingest, closed.registry, CoapSettings.ephemeral("127.0.0.1"));
        stopping.start();
        try {
            closed.close();
            CoapResponse response = post("coap://127.0.0.1:" + stopping.port() + "/readings",
                    pack(register(null), TIME, "1"), MediaTypeRegistry.APPLICATION_SENML_JSON);
            assertThat(response.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
            assertThat(response.getOptions().getMaxAge()).isEqualTo(2);
        } finally {
            stopping.close();
        }
    }

    @Test
    void aPostNotStoredWithinTheWhileGetsAnEmptyAckThenTheAnswerOnceStored() throws Exception {
        CoapIntake slow = new CoapIntake(pipeline.ingest, pipeline.registry,
                new CoapSettings("127.0.0.1", 0, -1, 1, Duration.ofSeconds(2), Duration.ofMillis(100)));
        slow.start();
        String serial = register(null);
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(clientConfig())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        endpoint.start();
        java.util.concurrent.atomic.AtomicBoolean emptyAck = new java.util.concurrent.atomic.AtomicBoolean();
        try (java.sql.Connection lock = db.dataSource().getConnection()) {
            // the writer waits for this lock: the POST stays unstored while the test holds it
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table gateway.readings in access exclusive mode");
            Request request = Request.newPost();
            request.setURI("coap://127.0.0.1:" + slow.port() + "/readings");
            request.setPayload(pack(serial, TIME, "42"));
            request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_SENML_JSON);
            request.addMessageObserver(new MessageObserverAdapter() {
                @Override
                public void onAcknowledgement() {
                    emptyAck.set(true);
                }
            });
            endpoint.sendRequest(request);
            Eventually.await(WAIT, emptyAck::get, acked -> acked);
            assertThat(request.getResponse()).as("no answer while unstored").isNull();
            lock.rollback();
            Response response = request.waitForResponse(WAIT.toMillis());
            assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
            assertThat(response.getType()).as("a separate response").isEqualTo(CoAP.Type.CON);
            assertThat(pipeline.readings(serial)).singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualByComparingTo("42"));
        } finally {
            endpoint.destroy();
            slow.close();
        }
    }

    /**
     * A meter's retransmission (the same confirmable message again: same message id, same bytes) is
     * answered 2.04 and stored once, both while the intake remembers the message and after the meter's
     * later messages have pushed it out of the per-meter duplicate window (duplicates are kept per
     * address, so memory follows meters, not load).
     */
    @Test
    void aRetransmittedPostIsAnsweredChangedAndStoredOnceWithinAndBeyondTheDuplicateWindow() throws Exception {
        String serial = register(null);
        try (RawCoapMeter meter = new RawCoapMeter(intake.port())) {
            byte[] first = meter.post(serial, TIME, "100.5", 1000);

            assertThat(meter.exchange(first)).as("first").isEqualTo(ResponseCode.CHANGED);
            assertThat(meter.exchange(first)).as("retransmission, remembered").isEqualTo(ResponseCode.CHANGED);
            for (int i = 1; i <= 40; i++) {  // more than the per-meter window: the first message is forgotten
                assertThat(meter.exchange(meter.post(serial, TIME + 900L * i, String.valueOf(100.5 + i), 1000 + i)))
                        .isEqualTo(ResponseCode.CHANGED);
            }
            assertThat(meter.exchange(first)).as("retransmission, forgotten").isEqualTo(ResponseCode.CHANGED);
        }
        assertThat(pipeline.readings(serial)).hasSize(41)
                .filteredOn(r -> r.time().getEpochSecond() == TIME).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualByComparingTo("100.5"));
    }

    private static String plainUrl() {
        return "coap://127.0.0.1:" + intake.port() + "/readings";
    }

    private static CoapResponse post(String url, String payload, int format) throws Exception {
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(clientConfig())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        CoapClient client = new CoapClient(url).setEndpoint(endpoint).setTimeout(WAIT.toMillis());
        try {
            return client.post(payload.getBytes(StandardCharsets.UTF_8), format);
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }

    private static CoapResponse postDtls(String identity, String hexKey, String payload, Duration timeout)
            throws Exception {
        Configuration config = clientConfig();
        DTLSConnector connector = new DTLSConnector(DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, HexFormat.of().parseHex(hexKey)))
                .build());
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build();
        CoapClient client = new CoapClient("coaps://127.0.0.1:" + intake.dtlsPort() + "/readings")
                .setEndpoint(endpoint).setTimeout(timeout.toMillis());
        try {
            return client.post(payload.getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.APPLICATION_SENML_JSON);
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }

    private static Processes.Result coapClient(String payload) throws Exception {
        return Processes.run(20, "coap-client-notls", "-v", "6", "-B", "10", "-m", "post", "-t", "110",
                "-e", payload, plainUrl());
    }

    private static Configuration clientConfig() {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        config.set(CoapConfig.MAX_RETRANSMIT, 2);
        return config;
    }

    private static String register(String psk) throws Exception {
        String serial = uniqueSerial("C");
        pipeline.registry.register(new NewMeter(serial, "electricity", "coap", "1234567", 8, BigDecimal.ONE, psk, null));
        return serial;
    }

    private static String pack(String serial, long time, String value) {
        return "[{\"bn\":\"" + serial + ":\",\"bt\":" + time + ",\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":" + value + "}]";
    }

    private static String uniqueSerial(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static String randomKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
