package uz.ekommunal.app;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import uz.ekommunal.api.health.HealthCheck;
import uz.ekommunal.gateway.Gateway;

/** What {@code /health} checks: the database always, the broker and the writer where the gateway runs. */
final class HealthChecks {

    private record Check(String name, Supplier<String> problems) implements HealthCheck {

        @Override
        public String problem() {
            return problems.get();
        }
    }

    private HealthChecks() {
    }

    /**
     * @param gateway null when this process does not run the gateway
     * @param brokerName where the gateway's broker is, for the answer
     * @param writerAllowed how long readings may be spooled or failing before the writer is unhealthy
     */
    static List<HealthCheck> of(DataSource dataSource, Gateway gateway, String brokerName, Duration writerAllowed) {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(new Check("database", () -> database(dataSource)));
        if (gateway != null) {
            checks.add(new Check("broker", () -> gateway.brokerUp() ? null : "not connected to " + brokerName));
            // readings spooled or failing for longer than allowed: the database may answer, yet nothing is stored
            checks.add(new Check("writer", () -> gateway.writerProblem(writerAllowed)));
        }
        return checks;
    }

    private static String database(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? null : "the database does not answer";
        } catch (Exception e) {
            return "cannot reach the database: " + e.getMessage();
        }
    }
}
