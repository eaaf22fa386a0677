package uz.ekommunal.testing;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A meter publishing one reading per message at QoS 1 with Paho, counting what the broker
 * acknowledged (PUBACK), which is the only thing a publisher knows is safe.
 */
public final class MeterPublisher implements AutoCloseable {

    private static final long BASE_TIME = 1_764_000_000L;

    private final MqttAsyncClient client;
    private final String serial;
    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();

    /** A meter without credentials (a broker that allows anonymous clients). */
    public MeterPublisher(String brokerUrl, String serial) throws Exception {
        this(brokerUrl, serial, null);
    }

    /** Signs in as the meter itself: user name = serial, password = {@code secret} (null: none). */
    public MeterPublisher(String brokerUrl, String serial, String secret) throws Exception {
        this.serial = serial;
        this.client = new MqttAsyncClient(brokerUrl, "meter-" + serial, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setReceiveMaximum(65535);
        if (secret != null) {
            options.setUserName(serial);
            options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(options).waitForCompletion(10_000);
    }

    /** Publishes reading number {@code i}: time BASE + 60 i, value i. */
    public void publish(int i) throws Exception {
        String pack = "[{\"bn\":\"" + serial + ":\",\"bt\":" + (BASE_TIME + 60L * i) + ",\"n\":\"1-0:1.8.0\",\"v\":" + i + "}]";
        MqttMessage message = new MqttMessage(pack.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        sent.incrementAndGet();
        client.publish("meters/" + serial + "/readings", message, null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                acknowledged.add(i);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
            }
        });
    }

    /** The reading numbers the broker acknowledged. */
    public Set<Integer> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    public int sent() {
        return sent.get();
    }

    public static long timeOf(int i) {
        return BASE_TIME + 60L * i;
    }

    @Override
    public void close() throws Exception {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
