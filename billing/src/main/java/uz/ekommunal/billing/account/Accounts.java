package uz.ekommunal.billing.account;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.storage.Transactions;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;

/**
 * Providers, personal accounts, their meters and household facts in the database. Meters are
 * found by serial through the gateway's {@link MeterRegistry}, never its tables.
 */
public final class Accounts {

    private static final String ACCOUNT_COLUMNS = "a.id, a.provider_id, a.number, a.holder_name, a.address, a.opened_on, "
            + "array(select distinct utility from billing.account_services s where s.account_id = a.id"
            + " and (s.billed_until is null or s.billed_until > current_date) order by utility) services";

    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final Clock clock;

    public Accounts(DataSource dataSource, MeterRegistry meters, Clock clock) {
        this.dataSource = dataSource;
        this.meters = meters;
        this.clock = clock;
    }

    public Provider createProvider(NewProvider p) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into billing.providers (code, name, account_kind, account_pattern, region, district,
                         director, phone, address, inn, mfo, okonh, settlement_account)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            ProviderRequisites r = p.requisites();
            Object[] values = {p.code(), r.name(), p.kind().name(), p.accountPattern(), p.region().name(),
                p.district(), r.director(), r.phone(), r.address(), r.inn(), r.mfo(), r.okonh(), r.settlementAccount()};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return new Provider(rs.getLong(1), p.code(), p.kind(), p.accountPattern(), p.region(), p.district(),
                        r);
            }
        }
    }

    /** The provider with this code, if there is one. */
    public Optional<Provider> providerByCode(String code) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select id from billing.providers where code = ?")) {
            select.setString(1, code);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(provider(c, rs.getLong(1))) : Optional.empty();
            }
        }
    }

    /** @throws BillingException {@link BillingErrorCode#PROVIDER_NOT_FOUND} */
    public Provider provider(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return provider(c, id);
        }
    }

    public Provider provider(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select * from billing.providers where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new BillingException(BillingErrorCode.PROVIDER_NOT_FOUND, id);
                }
                return provider(rs);
            }
        }
    }

    /** Every provider, by code (what a registry import checks its rows against). */
    public Map<String, Provider> providersByCode() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select * from billing.providers order by code");
             ResultSet rs = select.executeQuery()) {
            Map<String, Provider> providers = new LinkedHashMap<>();
            while (rs.next()) {
                Provider p = provider(rs);
                providers.put(p.code(), p);
            }
            return providers;
        }
    }

    private static Provider provider(ResultSet rs) throws SQLException {
        return new Provider(rs.getLong("id"), rs.getString("code"), AccountKind.valueOf(rs.getString("account_kind")),
                rs.getString("account_pattern"), Region.valueOf(rs.getString("region")), rs.getString("district"),
                new ProviderRequisites(rs.getString("name"), rs.getString("director"), rs.getString("phone"),
                        rs.getString("address"), rs.getString("inn"), rs.getString("mfo"), rs.getString("okonh"),
                        rs.getString("settlement_account")));
    }

    /**
     * Opens an account billed for {@code services} (all of the provider's utilities when empty).
     *
     * @throws BillingException {@link BillingErrorCode#INVALID_ACCOUNT_NUMBER} when the number does
     *     not have the provider's format, or a service is not the provider's
     */
    public Account openAccount(long providerId, String number, String holderName, String address, LocalDate openedOn,
            Set<Utility> services) throws SQLException {
        Provider provider = provider(providerId);
        if (!provider.acceptsNumber(number)) {
            throw new BillingException(BillingErrorCode.INVALID_ACCOUNT_NUMBER, number, provider.kind());
        }
        Set<Utility> billed = services.isEmpty() ? EnumSet.copyOf(provider.kind().utilities()) : EnumSet.copyOf(services);
        if (!provider.kind().utilities().containsAll(billed)) {
            throw new BillingException(BillingErrorCode.SERVICES_NOT_BILLED, billed, provider.kind());
        }
        long id = Transactions.inTransaction(dataSource, c -> {
            long opened;
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into billing.accounts (provider_id, number, holder_name, address, opened_on)
                    values (?, ?, ?, ?, ?) returning id""")) {
                insert.setLong(1, providerId);
                insert.setString(2, number);
                insert.setString(3, holderName);
                insert.setString(4, address);
                insert.setDate(5, Date.valueOf(openedOn));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    opened = rs.getLong(1);
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into billing.account_services (account_id, utility, billed_from) values (?, ?, ?)")) {
                for (Utility u : billed) {
                    insert.setLong(1, opened);
                    insert.setString(2, u.name());
                    insert.setDate(3, Date.valueOf(openedOn));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return opened;
        });
        return new Account(id, providerId, number, holderName, address, openedOn, billed);
    }

    /**
     * Links a registered meter's register to an account; its readings bill the account's
     * utilities measured by that register. A replacement meter is linked the same way: the
     * gateway's installed/replaced times split the period between them.
     *
     * @throws BillingException {@link BillingErrorCode#METER_NOT_FOUND} for an unknown serial
     */
    public Meter linkMeter(long accountId, String serial, String register) throws SQLException {
        Meter meter = meters.find(serial).orElseThrow(
                () -> new BillingException(BillingErrorCode.METER_NOT_FOUND, serial));
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into billing.account_meters (account_id, meter_id, serial, register, linked_at)
                     values (?, ?, ?, ?, ?) on conflict do nothing""")) {
            insert.setLong(1, accountId);
            insert.setLong(2, meter.id());
            insert.setString(3, serial);
            insert.setString(4, register);
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
        return meter;
    }

    /** Records facts valid from their day on (replacing facts recorded for that same day). */
    public void recordFacts(long accountId, HouseholdFacts f) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     insert into billing.household_facts (account_id, valid_from, residents, heated_area, region,
                         district, needy_family, electric_stove) values (?, ?, ?, ?, ?, ?, ?, ?)
                     on conflict (account_id, valid_from) do update set residents = excluded.residents,
                         heated_area = excluded.heated_area, region = excluded.region, district = excluded.district,
                         needy_family = excluded.needy_family, electric_stove = excluded.electric_stove""")) {
            upsert.setLong(1, accountId);
            upsert.setDate(2, Date.valueOf(f.validFrom()));
            upsert.setInt(3, f.residents());
            upsert.setBigDecimal(4, f.heatedArea());
            upsert.setString(5, f.region().name());
            upsert.setString(6, f.district());
            upsert.setBoolean(7, f.needyFamily());
            upsert.setBoolean(8, f.electricStove());
            upsert.executeUpdate();
        }
    }

    /** The facts valid on {@code day}: the latest recorded from that day or before. */
    public Optional<HouseholdFacts> factsOn(long accountId, LocalDate day) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select * from billing.household_facts where account_id = ? and valid_from <= ?
                     order by valid_from desc limit 1""")) {
            select.setLong(1, accountId);
            select.setDate(2, Date.valueOf(day));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(facts(rs)) : Optional.empty();
            }
        }
    }

    /** A row of billing.household_facts (its own column names). */
    public static HouseholdFacts facts(ResultSet rs) throws SQLException {
        return new HouseholdFacts(rs.getDate("valid_from").toLocalDate(), rs.getInt("residents"),
                rs.getBigDecimal("heated_area"), Region.valueOf(rs.getString("region")), rs.getString("district"),
                rs.getBoolean("needy_family"), rs.getBoolean("electric_stove"));
    }

    /** @throws BillingException {@link BillingErrorCode#ACCOUNT_NOT_FOUND} */
    public Account account(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select " + ACCOUNT_COLUMNS + " from billing.accounts a where a.id = ?")) {
            select.setLong(1, id);
            List<Account> found = read(select);
            if (found.isEmpty()) {
                throw new BillingException(BillingErrorCode.ACCOUNT_NOT_FOUND, id);
            }
            return found.get(0);
        }
    }

    /** The account with this number at a provider of this kind (what the portal and payment systems ask). */
    public Optional<Account> findByNumber(AccountKind kind, String number) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select " + ACCOUNT_COLUMNS + """
                      from billing.accounts a join billing.providers p on p.id = a.provider_id
                     where a.number = ? and p.account_kind = ? order by a.id limit 1""")) {
            select.setString(1, number);
            select.setString(2, kind.name());
            return read(select).stream().findFirst();
        }
    }

    /** Accounts with this number at any provider. */
    public List<Account> findByNumber(String number) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select " + ACCOUNT_COLUMNS
                     + " from billing.accounts a where a.number = ? order by a.id")) {
            select.setString(1, number);
            return read(select);
        }
    }

    private static List<Account> read(PreparedStatement select) throws SQLException {
        List<Account> accounts = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Array services = rs.getArray("services");
                Set<Utility> set = EnumSet.noneOf(Utility.class);
                for (Object s : (Object[]) services.getArray()) {
                    set.add(Utility.valueOf((String) s));
                }
                accounts.add(new Account(rs.getLong("id"), rs.getLong("provider_id"), rs.getString("number"),
                        rs.getString("holder_name"), rs.getString("address"), rs.getDate("opened_on").toLocalDate(), set));
            }
        }
        return accounts;
    }
}
