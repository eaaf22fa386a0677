package uz.ekommunal.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;
import uz.ekommunal.gateway.auth.DoorCounters;
import uz.ekommunal.gateway.auth.DoorCounters.Refusal;
import uz.ekommunal.gateway.auth.HeadEnd;
import uz.ekommunal.gateway.auth.MeterCredentials;

/**
 * Who a CONNECT is: user name = a meter's serial and password = its secret, or the head-end user.
 * Without credentials the answer is "not authorized" (MQTT v5 0x87, v3.1.1 5); with wrong ones "bad
 * user name or password" (0x86, 4), as Mosquitto answers. The check reads the database once per
 * CONNECT, off the event loop.
 *
 * <p>Over TLS with client certificates on, a meter may instead present a certificate of the
 * configured CA (the TLS handshake has checked the chain): its subject CN is the serial, which must be
 * a registered meter; a user name, if given, must equal it; no password is needed.
 */
final class MqttDoor {

    /** Who is connected: a meter (its serial) or the head-end, which may publish for any meter. */
    record Identity(String user, boolean headEnd) {
        boolean mayPublishFor(String serial) {
            return headEnd || user.equals(serial);
        }
    }

    private final Vertx vertx;
    private final MeterCredentials credentials;
    private final HeadEnd headEnd;
    private final MalformedBudget budget;
    private final DoorCounters counters;

    MqttDoor(Vertx vertx, MeterCredentials credentials, HeadEnd headEnd, MalformedBudget budget,
            DoorCounters counters) {
        this.vertx = vertx;
        this.credentials = credentials;
        this.headEnd = headEnd;
        this.budget = budget;
        this.counters = counters;
    }

    /** The identity, or a failed future after the CONNECT has been refused with the right code. */
    Future<Identity> admit(MqttEndpoint endpoint) {
        MqttAuth auth = endpoint.auth();
        String user = auth == null ? null : auth.getUsername();
        String password = auth == null ? null : auth.getPassword();
        String certified = ClientCertificate.serialOf(endpoint);
        if (certified != null) {
            return admitCertified(endpoint, certified, user);
        }
        if (user == null || user.isEmpty() || password == null) {
            return refuse(endpoint, Refusal.NO_CREDENTIALS, notAuthorized(endpoint));
        }
        if (headEnd != null && headEnd.user().equals(user)) {
            return headEnd.matches(user, password) ? Future.succeededFuture(new Identity(user, true))
                    : refuse(endpoint, Refusal.BAD_CREDENTIALS, badCredentials(endpoint));
        }
        if (budget.shutOut(user)) {
            return refuse(endpoint, Refusal.MALFORMED_BUDGET, notAuthorized(endpoint));
        }
        return vertx.executeBlocking(() -> credentials.verify(user, password), false).compose(valid -> valid
                ? Future.succeededFuture(new Identity(user, false))
                : refuse(endpoint, Refusal.BAD_CREDENTIALS, badCredentials(endpoint)));
    }

    private Future<Identity> admitCertified(MqttEndpoint endpoint, String serial, String user) {
        if (user != null && !user.isEmpty() && !user.equals(serial)) {
            return refuse(endpoint, Refusal.CERTIFICATE_NOT_METER, badCredentials(endpoint));
        }
        if (budget.shutOut(serial)) {
            return refuse(endpoint, Refusal.MALFORMED_BUDGET, notAuthorized(endpoint));
        }
        return vertx.executeBlocking(() -> credentials.isRegistered(serial), false).compose(registered -> registered
                ? Future.succeededFuture(new Identity(serial, false))
                : refuse(endpoint, Refusal.CERTIFICATE_NOT_METER, notAuthorized(endpoint)));
    }

    private <T> Future<T> refuse(MqttEndpoint endpoint, Refusal why, MqttConnectReturnCode code) {
        counters.refused(why);
        endpoint.reject(code);
        return Future.failedFuture(why.label());
    }

    private static MqttConnectReturnCode notAuthorized(MqttEndpoint endpoint) {
        return endpoint.protocolVersion() >= 5 ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
    }

    private static MqttConnectReturnCode badCredentials(MqttEndpoint endpoint) {
        return endpoint.protocolVersion() >= 5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
    }
}
