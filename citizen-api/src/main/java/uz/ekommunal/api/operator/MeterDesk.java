package uz.ekommunal.api.operator;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.gateway.auth.MeterCredentials;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;
import uz.ekommunal.gateway.modbus.NewModbusEndpoint;
import uz.ekommunal.gateway.store.ReadingStore;

/** Meter work of the desk (blocking): register, replace, retire, link; every step checked against the caller's scope. */
final class MeterDesk {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MeterDesk.class);

    private final MeterRegistry meters;
    private final ModbusEndpoints modbus;
    private final Accounts accounts;
    private final MeterScope scope;
    private final FinalReadings finalReadings;
    private final MeterCredentials credentials;

    MeterDesk(MeterRegistry meters, ModbusEndpoints modbus, Accounts accounts, MeterScope scope, ReadingStore readings,
            DataSource dataSource, MeterCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.meters = meters;
        this.modbus = modbus;
        this.accounts = accounts;
        this.scope = scope;
        this.finalReadings = new FinalReadings(readings, dataSource, clock);
    }

    Meter register(Caller caller, NewMeter meter, NewModbusEndpoint endpoint) throws SQLException {
        Long provider = DeskAccess.scope(caller);
        if (provider != null && !scope.utilitiesOf(provider).contains(meter.utility())) {
            throw ApiException.because(ApiError.FORBIDDEN, "utility", "yourProviderDoesNot", meter.utility());
        }
        // register() would update an existing meter in place: someone else's meter must not be overwritten
        if (meters.find(meter.serial()).isPresent()) {
            throw ApiException.because(ApiError.METER_ALREADY_REGISTERED, "serial", "meterWithSerialAlready",
                    meter.serial());
        }
        Meter stored = meters.register(meter);
        if (endpoint != null) {
            modbus.add(endpoint);
        }
        return stored;
    }

    /**
     * The old meter leaves service at {@code at}; the new one starts then, on the same accounts and registers.
     *
     * @param finalReading the old meter's last value, stored as its reading at {@code at}; or null
     */
    Meter replace(Caller caller, String oldSerial, NewMeter next, Instant at, NewModbusEndpoint endpoint,
            FinalReadings.Value finalReading) throws SQLException {
        Meter old = inService(caller, oldSerial, at);
        if (meters.find(next.serial()).isPresent()) {
            throw ApiException.because(ApiError.METER_ALREADY_REGISTERED, "newSerial", "meterWithSerialAlready",
                    next.serial());
        }
        if (finalReading != null) {
            finalReadings.record(old, finalReading, at, caller.userId());
        }
        List<MeterScope.Link> links = scope.links(old.id());
        meters.retire(oldSerial, at);
        modbus.remove(oldSerial);
        Meter stored = meters.register(next);
        for (MeterScope.Link link : links) {
            accounts.linkMeter(link.accountId(), stored.serial(), link.register());
        }
        if (endpoint != null) {
            modbus.add(endpoint);
        }
        return stored;
    }

    Meter retire(Caller caller, String serial, Instant at) throws SQLException {
        inService(caller, serial, at);
        Meter retired = meters.retire(serial, at).orElseThrow(() -> meterNotFound(serial));
        modbus.remove(serial);
        return retired;
    }

    /** A new secret for a meter in service (rotating any old one): the secret, shown once. */
    String issueSecret(Caller caller, String serial) throws SQLException {
        Meter meter = visible(DeskAccess.scope(caller), serial);
        if (meter.replacedAt() != null) {
            throw ApiException.because(ApiError.METER_OUT_OF_SERVICE, "serial", "meterLeftService", serial,
                    meter.replacedAt());
        }
        String secret = credentials.issue(serial).orElseThrow(() -> meterNotFound(serial));
        LOG.info("Operator {} issued a secret for meter {}", caller.userId(), serial);
        return secret;
    }

    /** Revokes the meter's secret: it can no longer sign in at the broker. */
    void revokeSecret(Caller caller, String serial) throws SQLException {
        visible(DeskAccess.scope(caller), serial);
        if (!credentials.revoke(serial)) {
            throw ApiException.because(ApiError.METER_SECRET_NOT_FOUND, "serial", "meterHasNoSecret", serial);
        }
        LOG.info("Operator {} revoked the secret of meter {}", caller.userId(), serial);
    }

    /** When the secrets of these meters were issued (meters without one are absent). */
    java.util.Map<String, Instant> secretsIssued(List<String> serials) throws SQLException {
        return credentials.issuedAt(serials);
    }

    Meter link(Caller caller, long accountId, String serial, String register) throws SQLException {
        Long provider = DeskAccess.scope(caller);
        Account account;
        account = accounts.account(accountId);
        if (provider != null && account.providerId() != provider) {
            throw accountNotFound(accountId);
        }
        Meter meter = visible(provider, serial);
        if (meter.replacedAt() != null) {
            throw ApiException.because(ApiError.METER_OUT_OF_SERVICE, "serial", "meterLeftService", serial,
                    meter.replacedAt());
        }
        return accounts.linkMeter(accountId, serial, register);
    }

    private Meter inService(Caller caller, String serial, Instant at) throws SQLException {
        Meter meter = visible(DeskAccess.scope(caller), serial);
        if (meter.replacedAt() != null) {
            throw ApiException.because(ApiError.METER_OUT_OF_SERVICE, "serial", "meterLeftService", serial,
                    meter.replacedAt());
        }
        if (!at.isAfter(meter.installedAt())) {
            throw ApiException.because(ApiError.INVALID_VALUE, "at", "afterMeterWasInstalled", meter.installedAt());
        }
        return meter;
    }

    Meter visible(Long provider, String serial) throws SQLException {
        return scope.page(provider, serial, null, 1).stream().findFirst().orElseThrow(() -> meterNotFound(serial));
    }

    static ApiException meterNotFound(String serial) {
        return ApiException.because(ApiError.METER_NOT_FOUND, "serial", "noMeterWithSerial", serial);
    }

    static ApiException accountNotFound(long accountId) {
        return ApiException.because(ApiError.ACCOUNT_NOT_FOUND, "accountId", "noAccountAmongYours", accountId);
    }
}
