package uz.ekommunal.simulator.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uz.ekommunal.simulator.meter.MeterSpec;

/**
 * Publishes SenML packs over MQTT v5 with Paho: QoS 1 to {@code meters/{serial}/readings}, persistent
 * sessions (clean start off, a session expiry), automatic reconnect; during an outage the meters wait
 * with their readings and send them, and whatever was unacknowledged, after the reconnect. Meters share a few clients, as behind a
 * data concentrator, which is what lets one process publish tens of thousands of readings a second.
 * A publish counts as acknowledged only when its PUBACK arrives with a success reason code.
 * With {@link MqttLogin#PER_METER} each meter has a connection of its own and signs in as itself
 * (user name = serial, password = its secret), so a broker that checks identities accepts it.
 */
public final class MqttTransport implements PackTransport {
    private static final Logger LOG = LoggerFactory.getLogger(MqttTransport.class);

    private final String serverUri;
    private final String clientIdPrefix;
    private final int clientCount;
    private final int maxInflight;
    private final Counters counters;
    private final List<MqttUplink> clients = new ArrayList<>();
    private final Map<String, MqttUplink> clientOf = new HashMap<>();
    private final Map<MqttUplink, Integer> metersOf = new HashMap<>();

    /**
     * @param serverUri      e.g. {@code tcp://127.0.0.1:1883}
     * @param clientIdPrefix client ids are {@code prefix-0}, {@code prefix-1}, ... (stable, for session resumption)
     * @param clientCount    how many connections to spread the meters over
     * @param maxInflight    unacknowledged publishes allowed per connection
     */
    public MqttTransport(String serverUri, String clientIdPrefix, int clientCount, int maxInflight,
                         List<MeterSpec> meters, Counters counters) {
        this(serverUri, clientIdPrefix, clientCount, maxInflight, meters, counters, null, false);
    }

    /**
     * @param login how the meters sign in, or null for shared connections without credentials
     * @param lean  publish through {@link LeanMqttConnection} (plain TCP, no reconnects) instead of Paho
     */
    public MqttTransport(String serverUri, String clientIdPrefix, int clientCount, int maxInflight,
                         List<MeterSpec> meters, Counters counters, MqttLogin login, boolean lean) {
        this.serverUri = serverUri;
        this.clientIdPrefix = clientIdPrefix;
        boolean perMeter = login != null && login.perMeter();
        this.clientCount = perMeter ? meters.size() : Math.max(1, Math.min(clientCount, meters.size()));
        this.maxInflight = maxInflight;
        this.counters = counters;
        for (int i = 0; i < this.clientCount; i++) {
            if (perMeter) {
                MeterSpec meter = meters.get(i);
                if (meter.secret() == null) {
                    throw new IllegalArgumentException("MQTT meter " + meter.serial() + " has no secret to sign in with");
                }
                clients.add(uplink(lean, clientIdPrefix + "-" + meter.serial(), meter.serial(), meter.secret()));
            } else {
                clients.add(uplink(lean, clientIdPrefix + "-" + i, login == null ? null : login.user(),
                        login == null ? null : login.password()));
            }
        }
        for (int i = 0; i < meters.size(); i++) {
            MqttUplink client = clients.get(i % this.clientCount);
            clientOf.put(meters.get(i).serial(), client);
            metersOf.merge(client, 1, Integer::sum);
        }
    }

    private MqttUplink uplink(boolean lean, String clientId, String user, String password) {
        return lean ? new LeanMqttConnection(serverUri, clientId, maxInflight, counters, user, password)
                : new MqttConnection(serverUri, clientId, maxInflight, counters, user, password);
    }

    public static String topic(String serial) {
        return "meters/" + serial + "/readings";
    }

    @Override
    public void start() throws Exception {
        for (MqttUplink client : clients) {
            client.connect();
        }
        LOG.info("MQTT: {} connections to {} as {}-*, up to {} publishes in flight each",
                clients.size(), serverUri, clientIdPrefix, clients.get(0).permits());
    }

    @Override
    public void send(MeterSpec meter, byte[] payload, int readings) {
        MqttUplink client = clientOf.get(meter.serial());
        if (client == null) {
            throw new IllegalArgumentException("meter " + meter.serial() + " is not an MQTT meter of this run");
        }
        client.publish(topic(meter.serial()), payload, readings);
    }

    @Override
    public int connectedMeters() {
        int online = 0;
        for (MqttUplink client : clients) {
            if (client.connected()) {
                online += metersOf.getOrDefault(client, 0);
            }
        }
        return online;
    }

    @Override
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (MqttUplink client : clients) {
            if (!client.awaitDrained(deadline)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        for (MqttUplink client : clients) {
            client.close();
        }
    }
}
