package uz.ekommunal.billing.run;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Accounts of the provider in [first, last], open before the period ends, not yet invoiced for it. */
    static Map<Long, ShardAccount> accounts(Connection c, long providerId, long first, long last, BillingPeriod period)
            throws SQLException {
        Map<Long, ShardAccount> out = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                select a.id, a.number,
                       array(select s.utility from billing.account_services s where s.account_id = a.id) services,
                       f.valid_from, f.residents, f.heated_area, f.region, f.district, f.needy_family, f.electric_stove
                from billing.accounts a
                left join lateral (select * from billing.household_facts f
                                   where f.account_id = a.id and f.valid_from <= ?
                                   order by f.valid_from desc limit 1) f on true
                where a.provider_id = ? and a.id between ? and ? and a.opened_on < ?
                  and not exists (select 1 from billing.invoices i where i.account_id = a.id and i.period_start = ?)
                order by a.id""")) {
            select.setDate(1, Date.valueOf(period.start()));
            select.setLong(2, providerId);
            select.setLong(3, first);
            select.setLong(4, last);
            select.setDate(5, Date.valueOf(period.end()));
            select.setDate(6, Date.valueOf(period.start()));
            select.setFetchSize(5_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    HouseholdFacts facts = rs.getDate("valid_from") == null ? null
                            : new HouseholdFacts(rs.getDate("valid_from").toLocalDate(), rs.getInt("residents"),
                                    rs.getBigDecimal("heated_area"), Region.valueOf(rs.getString("region")),
                                    rs.getString("district"), rs.getBoolean("needy_family"),
                                    rs.getBoolean("electric_stove"));
                    long id = rs.getLong("id");
                    out.put(id, new ShardAccount(id, rs.getString("number"), services(rs.getArray("services")), facts,
                            new ArrayList<>(2)));
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement("""
                select m.account_id, m.meter_id, m.register from billing.account_meters m
                where m.account_id between ? and ? order by m.account_id, m.meter_id""")) {
            select.setLong(1, first);
            select.setLong(2, last);
            select.setFetchSize(5_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ShardAccount a = out.get(rs.getLong(1));
                    if (a != null) {
                        a.meters().add(new ShardAccount.LinkedMeter(rs.getLong(2), rs.getString(3)));
                    }
                }
            }
        }
        return out;
    }

    private static List<Utility> services(Array array) throws SQLException {
        List<Utility> list = new ArrayList<>(4);
        for (Object s : (Object[]) array.getArray()) {
            list.add(Utility.valueOf((String) s));
        }
        list.sort(null); // bill order: the enum's
        return list;
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
