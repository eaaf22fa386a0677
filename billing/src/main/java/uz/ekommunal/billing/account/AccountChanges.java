package uz.ekommunal.billing.account;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.tariff.Utility;

/**
 * An operator's changes to one account, each on the caller's connection so that the change and its
 * audit entry commit together. Lock the account first ({@link #lock}); history is kept (holders and
 * facts by date, a closed account stays with its closing day).
 */
public final class AccountChanges {

    /** An account as it stands, for the checks and the audit's before/after. */
    public record State(long id, long providerId, String number, String holderName, String address,
            LocalDate openedOn, LocalDate closedOn) {
    }

    /** Holder and address from a day on. */
    public record HolderPeriod(LocalDate validFrom, String holderName, String address) {
    }

    /** The holders and addresses an account has had, oldest first. */
    public List<HolderPeriod> holders(Connection c, long accountId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select valid_from, holder_name, address from billing.account_holders where account_id = ?
                order by valid_from""")) {
            select.setLong(1, accountId);
            List<HolderPeriod> holders = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    holders.add(new HolderPeriod(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3)));
                }
            }
            return holders;
        }
    }

    /** Every household facts row of an account with its heating type (null: not known), oldest first. */
    public Map<HouseholdFacts, HeatingType> facts(Connection c, long accountId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select * from billing.household_facts where account_id = ? order by valid_from")) {
            select.setLong(1, accountId);
            Map<HouseholdFacts, HeatingType> facts = new LinkedHashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String heating = rs.getString("heating_type");
                    facts.put(Accounts.facts(rs), heating == null ? null : HeatingType.valueOf(heating));
                }
            }
            return facts;
        }
    }

    /** The account locked for this transaction, if it exists. */
    public Optional<State> lock(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select id, provider_id, number, holder_name, address, opened_on, closed_on
                from billing.accounts where id = ? for update""")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Date closed = rs.getDate("closed_on");
                return Optional.of(new State(rs.getLong("id"), rs.getLong("provider_id"), rs.getString("number"),
                        rs.getString("holder_name"), rs.getString("address"), rs.getDate("opened_on").toLocalDate(),
                        closed == null ? null : closed.toLocalDate()));
            }
        }
    }

    /**
     * @throws BillingException INVALID_ACCOUNT_NUMBER, SERVICES_NOT_BILLED (a service the provider does
     *     not bill), ACCOUNT_EXISTS
     */
    public long open(Connection c, Provider provider, String number, String holder, String address,
            LocalDate openedOn, Set<Utility> services) throws SQLException {
        if (!provider.acceptsNumber(number)) {
            throw new BillingException(BillingErrorCode.INVALID_ACCOUNT_NUMBER, number, provider.kind());
        }
        Set<Utility> billed = billed(provider, services);
        long id;
        try (PreparedStatement insert = c.prepareStatement("""
                insert into billing.accounts (provider_id, number, holder_name, address, opened_on)
                values (?, ?, ?, ?, ?) on conflict (provider_id, number) do nothing returning id""")) {
            insert.setLong(1, provider.id());
            insert.setString(2, number);
            insert.setString(3, holder);
            insert.setString(4, address);
            insert.setDate(5, Date.valueOf(openedOn));
            try (ResultSet rs = insert.executeQuery()) {
                if (!rs.next()) {
                    throw new BillingException(BillingErrorCode.ACCOUNT_EXISTS, number);
                }
                id = rs.getLong(1);
            }
        }
        changeHolder(c, id, openedOn, holder, address);
        setServices(c, id, provider, billed, openedOn);
        return id;
    }

    /** @throws BillingException ACCOUNT_CLOSED when it already is, CLOSED_BEFORE_OPENING before its opening */
    public void close(Connection c, State account, LocalDate on) throws SQLException {
        requireOpen(account);
        if (on.isBefore(account.openedOn())) {
            throw new BillingException(BillingErrorCode.CLOSED_BEFORE_OPENING, on, account.openedOn());
        }
        try (PreparedStatement update = c.prepareStatement("update billing.accounts set closed_on = ? where id = ?")) {
            update.setDate(1, Date.valueOf(on));
            update.setLong(2, account.id());
            update.executeUpdate();
        }
    }

    /** Holder and address from a day on; the account shows the latest. */
    public void changeHolder(Connection c, long accountId, LocalDate validFrom, String holder, String address)
            throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into billing.account_holders (account_id, valid_from, holder_name, address) values (?, ?, ?, ?)
                on conflict (account_id, valid_from) do update set holder_name = excluded.holder_name,
                    address = excluded.address""");
             PreparedStatement latest = c.prepareStatement("""
                update billing.accounts a set holder_name = h.holder_name, address = h.address
                from (select holder_name, address from billing.account_holders where account_id = ?
                      order by valid_from desc limit 1) h where a.id = ?""")) {
            upsert.setLong(1, accountId);
            upsert.setDate(2, Date.valueOf(validFrom));
            upsert.setString(3, holder);
            upsert.setString(4, address);
            upsert.executeUpdate();
            latest.setLong(1, accountId);
            latest.setLong(2, accountId);
            latest.executeUpdate();
        }
    }

    /** Facts valid from their day on (replacing facts recorded for that same day). */
    public void recordFacts(Connection c, long accountId, HouseholdFacts f, HeatingType heating) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into billing.household_facts (account_id, valid_from, residents, heated_area, region,
                    district, needy_family, electric_stove, heating_type) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (account_id, valid_from) do update set residents = excluded.residents,
                    heated_area = excluded.heated_area, region = excluded.region, district = excluded.district,
                    needy_family = excluded.needy_family, electric_stove = excluded.electric_stove,
                    heating_type = excluded.heating_type""")) {
            upsert.setLong(1, accountId);
            upsert.setDate(2, Date.valueOf(f.validFrom()));
            upsert.setInt(3, f.residents());
            upsert.setBigDecimal(4, f.heatedArea());
            upsert.setString(5, f.region().name());
            upsert.setString(6, f.district());
            upsert.setBoolean(7, f.needyFamily());
            upsert.setBoolean(8, f.electricStove());
            upsert.setString(9, heating == null ? null : heating.name());
            upsert.executeUpdate();
        }
    }

    /** A service billed from a day (inclusive) until a day (exclusive; null while it is still billed). */
    public record ServicePeriod(Utility utility, LocalDate from, LocalDate until) {
    }

    /** The services an account has been billed for, by utility and first day (a first day before the account's: since it opened). */
    public List<ServicePeriod> services(Connection c, long accountId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select s.utility, greatest(s.billed_from, a.opened_on), s.billed_until from billing.account_services s
                join billing.accounts a on a.id = s.account_id where s.account_id = ? order by 2, 1""")) {
            select.setLong(1, accountId);
            List<ServicePeriod> services = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Date until = rs.getDate(3);
                    services.add(new ServicePeriod(Utility.valueOf(rs.getString(1)), rs.getDate(2).toLocalDate(),
                            until == null ? null : until.toLocalDate()));
                }
            }
            return services;
        }
    }

    /**
     * The services billed from {@code from} on: exactly these (all of the provider's when empty).
     * A service not among them stops on that day (a period that had not begun by then is dropped);
     * one not billed on that day starts then. Earlier days keep what they were billed for.
     */
    public Set<Utility> setServices(Connection c, long accountId, Provider provider, Set<Utility> services,
            LocalDate from) throws SQLException {
        Set<Utility> billed = billed(provider, services);
        Array kept = c.createArrayOf("text", billed.stream().map(Enum::name).toArray());
        try (PreparedStatement dropUnbegun = c.prepareStatement("""
                delete from billing.account_services where account_id = ? and utility <> all (?) and billed_from >= ?""");
             PreparedStatement stop = c.prepareStatement("""
                update billing.account_services set billed_until = ? where account_id = ? and utility <> all (?)
                  and billed_from < ? and (billed_until is null or billed_until > ?)""");
             PreparedStatement start = c.prepareStatement("""
                insert into billing.account_services (account_id, utility, billed_from)
                select ?, ?, ? where not exists (select 1 from billing.account_services where account_id = ?
                    and utility = ? and billed_from <= ? and (billed_until is null or billed_until > ?))
                on conflict (account_id, utility, billed_from) do update set billed_until = null""")) {
            dropUnbegun.setLong(1, accountId);
            dropUnbegun.setArray(2, kept);
            dropUnbegun.setDate(3, Date.valueOf(from));
            dropUnbegun.executeUpdate();
            stop.setDate(1, Date.valueOf(from));
            stop.setLong(2, accountId);
            stop.setArray(3, kept);
            stop.setDate(4, Date.valueOf(from));
            stop.setDate(5, Date.valueOf(from));
            stop.executeUpdate();
            for (Utility u : billed) {
                start.setLong(1, accountId);
                start.setString(2, u.name());
                start.setDate(3, Date.valueOf(from));
                start.setLong(4, accountId);
                start.setString(5, u.name());
                start.setDate(6, Date.valueOf(from));
                start.setDate(7, Date.valueOf(from));
                start.addBatch();
            }
            start.executeBatch();
        }
        return billed;
    }

    /** @throws BillingException ACCOUNT_CLOSED */
    public static void requireOpen(State account) {
        if (account.closedOn() != null) {
            throw new BillingException(BillingErrorCode.ACCOUNT_CLOSED, account.number(), account.closedOn());
        }
    }

    private static Set<Utility> billed(Provider provider, Set<Utility> services) {
        Set<Utility> billed = services.isEmpty() ? EnumSet.copyOf(provider.kind().utilities()) : EnumSet.copyOf(services);
        if (!provider.kind().utilities().containsAll(billed)) {
            throw new BillingException(BillingErrorCode.SERVICES_NOT_BILLED, billed, provider.kind());
        }
        return billed;
    }
}
