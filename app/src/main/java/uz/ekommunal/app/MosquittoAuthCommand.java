package uz.ekommunal.app;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uz.ekommunal.gateway.GatewaySettings;
import uz.ekommunal.gateway.mqtt.MqttDoorSettings;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.ConfigException;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.gateway.auth.MeterCredentials;
import uz.ekommunal.gateway.auth.MosquittoAuthFiles;
import uz.ekommunal.gateway.auth.MosquittoAuthFiles.BrokerUser;
import uz.ekommunal.storage.DataSourceFactory;

/**
 * {@code mosquitto-auth --passwd FILE --acl FILE}: Mosquitto's password file and ACL from the meter
 * registry, for a deployment with a real broker. Run it again (and send Mosquitto SIGHUP) after
 * meters are registered or their secrets issued, rotated or revoked.
 */
@Command(name = "mosquitto-auth", mixinStandardHelpOptions = true,
        description = "Write Mosquitto's password file and ACL from the meter registry (then: kill -HUP <mosquitto>).")
final class MosquittoAuthCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(MosquittoAuthCommand.class);

    @Option(names = "--passwd", required = true, paramLabel = "FILE", description = "Mosquitto password_file to write.")
    Path passwordFile;

    @Option(names = "--acl", required = true, paramLabel = "FILE", description = "Mosquitto acl_file to write.")
    Path aclFile;

    /** Where configuration comes from: the environment (a test gives its own). */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        Config config = Settings.load(environment);
        String gatewayUser = config.get(GatewaySettings.MQTT_USER);
        String gatewayPassword = config.get(GatewaySettings.MQTT_PASSWORD);
        if (gatewayUser == null || gatewayPassword == null) {
            throw new ConfigException("mosquitto-auth needs the gateway's own broker user: set EKOMMUNAL_MQTT_USER and "
                    + "EKOMMUNAL_MQTT_PASSWORD (the gateway signs in with them)");
        }
        String headEndSecret = config.get(MqttDoorSettings.MQTT_HEADEND_SECRET);
        BrokerUser headEnd = headEndSecret == null ? null
                : BrokerUser.withPassword(config.get(MqttDoorSettings.MQTT_HEADEND_USER), headEndSecret);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            HikariDataSource dataSource = DataSourceFactory.open(Application.migrate(config, opened), "mosquitto-auth");
            opened.add(0, dataSource);
            Map<String, String> meters = new MeterCredentials(dataSource).allHashes();
            MosquittoAuthFiles.write(passwordFile, aclFile, meters, BrokerUser.withPassword(gatewayUser, gatewayPassword),
                    headEnd);
            LOG.info("Wrote {} ({} meters{}, gateway user {}) and {}; reload Mosquitto (kill -HUP) to apply",
                    passwordFile, meters.size(), headEnd == null ? "" : ", head-end user " + headEnd.name(), gatewayUser,
                    aclFile);
            return 0;
        } finally {
            for (AutoCloseable c : opened) {
                c.close();
            }
        }
    }
}
