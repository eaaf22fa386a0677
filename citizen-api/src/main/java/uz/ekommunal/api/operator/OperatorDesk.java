package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.billing.tariffs.TariffBookStore;
import uz.ekommunal.gateway.QuarantineDesk;
import uz.ekommunal.gateway.auth.MeterCredentials;
import uz.ekommunal.gateway.ingest.QuarantineActions;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;
import uz.ekommunal.gateway.store.HeldReadings;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.vee.VeeLimits;

/**
 * The operators' desk wired by hand: meters, account look-up, quarantine, tariffs and bill runs under
 * {@code /api/v1/operator}. Access rules are in {@link DeskAccess} and {@link MeterScope}; every change
 * is written to the audit log.
 */
public final class OperatorDesk {

    private final List<Consumer<Router>> routes;

    /** @param book the cached book the calculator and billing price with; reloaded after each change */
    public OperatorDesk(Vertx vertx, Authenticate authenticate, DataSource dataSource, Billing billing,
            MeterRegistry meters, ModbusEndpoints modbus, JdbcTariffBook book, AuditLog audit, Clock clock) {
        this(vertx, authenticate, dataSource, billing, meters, modbus, book, new MeterCredentials(dataSource), audit,
                clock);
    }

    /** @param credentials the gateway's, in one process with it, so a revoked meter's connections are closed at once */
    public OperatorDesk(Vertx vertx, Authenticate authenticate, DataSource dataSource, Billing billing,
            MeterRegistry meters, ModbusEndpoints modbus, JdbcTariffBook book, MeterCredentials credentials,
            AuditLog audit, Clock clock) {
        this(vertx, authenticate, dataSource, billing, meters, modbus, book, credentials,
                new QuarantineActions(dataSource, meters, VeeLimits.defaults(), Duration.ZERO, clock), audit, clock);
    }

    /** @param quarantine the gateway's quarantine, replaying with the validation limits the gateway is configured with */
    public OperatorDesk(Vertx vertx, Authenticate authenticate, DataSource dataSource, Billing billing,
            MeterRegistry meters, ModbusEndpoints modbus, JdbcTariffBook book, MeterCredentials credentials,
            QuarantineDesk quarantine, AuditLog audit, Clock clock) {
        MeterScope scope = new MeterScope(dataSource, billing.accounts());
        MeterDesk desk = new MeterDesk(meters, modbus, billing.accounts(), scope, new ReadingStore(dataSource),
                dataSource, credentials, clock);
        routes = List.of(new MeterRoutes(vertx, authenticate, desk, scope, modbus, audit, clock)::mount,
                new AccountLookupRoutes(vertx, authenticate, dataSource, billing.accounts())::mount,
                new QuarantineRoutes(vertx, authenticate, quarantine, scope, audit)::mount,
                new HeldReadingRoutes(vertx, authenticate, new HeldReadings(dataSource, clock), scope,
                        new uz.ekommunal.api.readings.ReadingPhotos(dataSource))::mount,
                new TariffDeskRoutes(vertx, authenticate, new TariffBookStore(dataSource, clock), book,
                        audit)::mount,
                new BillRunRoutes(vertx, authenticate, billing, audit, clock)::mount,
                new UnbilledRoutes(vertx, authenticate, billing, audit)::mount);
    }

    /** The routes, to give to the {@link uz.ekommunal.api.http.ApiServer}. */
    public List<Consumer<Router>> routes() {
        return routes;
    }
}
