package uz.ekommunal.billing.run;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * Reads what a shard's invoices need, a few set-based queries per shard (never one per account):
 * accounts not yet invoiced for the period with their services and facts, their meters, their
 * balances, and the previous period's estimated usage.
 */
final class ShardLoader {

    private ShardLoader() {
    }

    /**
     * Accounts of the provider in [first, last], open before the period ends and not closed on or
     * before its first day, not yet invoiced for it. Range scans over the shard's id range, joined in memory: no probe per account.
     */
    static Map<Long, ShardAccount> accounts(Connection c, long providerId, long first, long last, BillingPeriod period)
            throws SQLException {
        Set<Long> invoiced = invoiced(c, first, last, period);
        Map<Long, List<HouseholdFacts>> facts = facts(c, first, last, period);
        Map<Long, ShardAccount> out = open(c, providerId, first, last, period, invoiced, facts);
        addServices(c, first, last, period, out);
        addMeters(c, first, last, out);
        return out;
    }

    /** The accounts of the range already invoiced for the period. */
    private static Set<Long> invoiced(Connection c, long first, long last, BillingPeriod period) throws SQLException {
        Set<Long> invoiced = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("""
                select account_id from billing.invoices
                where account_id between ? and ? and period_start = ?""")) {
            bindRange(select, first, last);
            select.setDate(3, Date.valueOf(period.start()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    invoiced.add(rs.getLong(1));
                }
            }
        }
        return invoiced;
    }

    /** The household facts of the range valid before the period ends, oldest first per account. */
    private static Map<Long, List<HouseholdFacts>> facts(Connection c, long first, long last, BillingPeriod period)
            throws SQLException {
        Map<Long, List<HouseholdFacts>> facts = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                select * from billing.household_facts
                where account_id between ? and ? and valid_from < ? order by account_id, valid_from""")) {
            bindRange(select, first, last);
            select.setDate(3, Date.valueOf(period.end()));
            select.setFetchSize(5_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    facts.computeIfAbsent(rs.getLong("account_id"), k -> new ArrayList<>(1)).add(new HouseholdFacts(
                            rs.getDate("valid_from").toLocalDate(), rs.getInt("residents"),
                            rs.getBigDecimal("heated_area"), Region.valueOf(rs.getString("region")),
                            rs.getString("district"), rs.getBoolean("needy_family"), rs.getBoolean("electric_stove")));
                }
            }
        }
        return facts;
    }

    /** The provider's accounts of the range open in the period and not yet invoiced, in id order. */
    private static Map<Long, ShardAccount> open(Connection c, long providerId, long first, long last,
            BillingPeriod period, Set<Long> invoiced, Map<Long, List<HouseholdFacts>> facts) throws SQLException {
        Map<Long, ShardAccount> out = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                select id, number, closed_on from billing.accounts
                where id between ? and ? and provider_id = ? and opened_on < ?
                  and (closed_on is null or closed_on > ?) order by id""")) {
            bindRange(select, first, last);
            select.setLong(3, providerId);
            select.setDate(4, Date.valueOf(period.end()));
            select.setDate(5, Date.valueOf(period.start()));
            select.setFetchSize(5_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (!invoiced.contains(id)) {
                        Date closedOn = rs.getDate(3);
                        out.put(id, new ShardAccount(id, rs.getString(2), new ArrayList<>(4), facts.getOrDefault(id, List.of()),
                                new ArrayList<>(2), closedOn == null ? null : closedOn.toLocalDate(),
                                new ArrayList<>(2)));
                    }
                }
            }
        }
        return out;
    }

    /** Each account's services billed in the period, in bill order. */
    private static void addServices(Connection c, long first, long last, BillingPeriod period,
            Map<Long, ShardAccount> out) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select account_id, utility, nullif(billed_from, '-infinity'), billed_until from billing.account_services
                where account_id between ? and ? and billed_from < ? and (billed_until is null or billed_until > ?)""")) {
            bindRange(select, first, last);
            select.setDate(3, Date.valueOf(period.end()));
            select.setDate(4, Date.valueOf(period.start()));
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ShardAccount a = out.get(rs.getLong(1));
                    if (a != null) {
                        a.addService(Utility.valueOf(rs.getString(2)), day(rs.getDate(3), period.start()),
                                day(rs.getDate(4), null));
                    }
                }
            }
        }
        for (ShardAccount a : out.values()) {
            a.services().sort(null); // bill order: the enum's
        }
    }

    /** Each account's linked meter registers. */
    private static void addMeters(Connection c, long first, long last, Map<Long, ShardAccount> out)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select account_id, meter_id, register from billing.account_meters
                where account_id between ? and ? order by account_id, meter_id""")) {
            bindRange(select, first, last);
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ShardAccount a = out.get(rs.getLong(1));
                    if (a != null) {
                        a.meters().add(new ShardAccount.LinkedMeter(rs.getLong(2), rs.getString(3)));
                    }
                }
            }
        }
    }

    /** A service's day; null (since the account opened, or still billed) reads as {@code otherwise}. */
    private static LocalDate day(Date date, LocalDate otherwise) {
        return date == null ? otherwise : date.toLocalDate();
    }

    private static void bindRange(PreparedStatement select, long first, long last) throws SQLException {
        select.setLong(1, first);
        select.setLong(2, last);
    }

    /** Balances of accounts in [first, last] from entries effective before {@code asOf}. */
    static Map<Long, Money> balances(Connection c, long first, long last, Instant asOf) throws SQLException {
        Map<Long, Money> out = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                select account_id, sum(amount_tiyin) from billing.ledger_entries
                where account_id between ? and ? and effective_at < ? group by account_id""")) {
            select.setLong(1, first);
            select.setLong(2, last);
            select.setTimestamp(3, Timestamp.from(asOf));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), Money.ofTiyin(rs.getLong(2)));
                }
            }
        }
        return out;
    }

    /** The standing usage of the period starting {@code previousStart}, where it was estimated. */
    static List<StandingUsage> estimatedUsage(Connection c, long first, long last, BillingPeriod previous)
            throws SQLException {
        List<StandingUsage> out = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                select * from (select distinct on (account_id, utility) account_id, utility, consumption,
                                      amount_tiyin, estimated
                               from billing.usage_records
                               where account_id between ? and ? and period_start = ?
                               order by account_id, utility, id desc) standing
                where estimated""")) {
            select.setLong(1, first);
            select.setLong(2, last);
            select.setDate(3, Date.valueOf(previous.start()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new StandingUsage(rs.getLong(1), Utility.valueOf(rs.getString(2)), rs.getBigDecimal(3),
                            Money.ofTiyin(rs.getLong(4)), rs.getBoolean(5)));
                }
            }
        }
        return out;
    }
}
