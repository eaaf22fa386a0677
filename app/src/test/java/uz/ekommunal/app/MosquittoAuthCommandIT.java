package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uz.ekommunal.gateway.auth.MeterCredentials;
import uz.ekommunal.gateway.auth.MosquittoPasswordHash;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.testing.TestDatabase;

/** {@code ekommunal mosquitto-auth}: the registry's meters, the gateway's and the head-end user in Mosquitto's files. */
class MosquittoAuthCommandIT {

    @Test
    void writesEveryMeterWithASecretTheGatewayUserAndTheHeadEnd(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            GatewaySchema.migrate(db.dataSource());
            MeterRegistry registry = new MeterRegistry(db.dataSource());
            registry.register(new NewMeter("E7000001", "electricity", "mqtt", null, 8, BigDecimal.ONE, null, null));
            registry.register(new NewMeter("E7000002", "electricity", "mqtt", null, 8, BigDecimal.ONE, null, null));
            String secret = new MeterCredentials(db.dataSource()).issue("E7000001").orElseThrow();

            MosquittoAuthCommand command = new MosquittoAuthCommand();
            command.environment = Map.of("EKOMMUNAL_DB_URL", db.url(), "EKOMMUNAL_MQTT_USER", "gw",
                    "EKOMMUNAL_MQTT_PASSWORD", "gateway-password-1234", "EKOMMUNAL_MQTT_HEADEND_SECRET",
                    "head-end-secret-12345");
            int exit = new CommandLine(command).execute("--passwd", dir.resolve("passwd").toString(),
                    "--acl", dir.resolve("acl").toString());

            assertThat(exit).isZero();
            Map<String, String> users = new java.util.HashMap<>();
            for (String line : Files.readAllLines(dir.resolve("passwd"))) {
                users.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
            }
            assertThat(users).containsOnlyKeys("gw", "headend", "E7000001"); // E7000002 has no secret
            assertThat(MosquittoPasswordHash.matches(secret, users.get("E7000001"))).isTrue();
            assertThat(MosquittoPasswordHash.matches("gateway-password-1234", users.get("gw"))).isTrue();
            assertThat(MosquittoPasswordHash.matches("head-end-secret-12345", users.get("headend"))).isTrue();
            assertThat(Files.readString(dir.resolve("acl"))).contains("user gw\ntopic read meters/+/readings",
                    "user headend\ntopic write meters/+/readings", "pattern write meters/%u/readings");
        }
    }

    @Test
    void refusesToRunWithoutTheGatewaysOwnUser(@TempDir Path dir) {
        MosquittoAuthCommand command = new MosquittoAuthCommand();
        command.environment = Map.of();
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            assertThat(e).hasMessageContaining("EKOMMUNAL_MQTT_USER");
            return 2;
        });
        assertThat(cli.execute("--passwd", dir.resolve("p").toString(), "--acl", dir.resolve("a").toString()))
                .isEqualTo(2);
        assertThat(dir.resolve("p")).doesNotExist();
    }
}
