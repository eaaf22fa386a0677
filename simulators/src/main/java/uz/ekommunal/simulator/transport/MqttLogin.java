package uz.ekommunal.simulator.transport;

/**
 * How the simulated meters sign in at the broker: each meter as itself (user name = serial, password
 * = its secret, one connection per meter, as real meters do), or all through shared connections as one
 * head-end user (a data concentrator; what a load of tens of thousands of meters needs).
 *
 * @param user the head-end user, or null with {@code perMeter}
 * @param password the head-end user's password, or null with {@code perMeter}
 */
public record MqttLogin(String user, String password, boolean perMeter) {

    /** Each meter signs in as itself. */
    public static final MqttLogin PER_METER = new MqttLogin(null, null, true);

    /** All meters' packs go through shared connections signed in as this head-end user. */
    public static MqttLogin headEnd(String user, String password) {
        if (user == null || password == null) {
            throw new IllegalArgumentException("a head-end login needs a user and a password");
        }
        return new MqttLogin(user, password, false);
    }

    @Override
    public String toString() {
        return perMeter ? "MqttLogin[per meter]" : "MqttLogin[" + user + "]"; // never the password
    }
}
