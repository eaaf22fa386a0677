package uz.ekommunal.billing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import javax.sql.DataSource;
import uz.ekommunal.tariff.Region;

/**
 * Many electricity accounts with a meter each and readings at November's boundaries, written in
 * bulk (fixtures for cluster tests; the accounts API is exercised elsewhere).
 */
public final class Fleet {

    private Fleet() {
    }

    /** @return the provider id */
    public static long electricity(DataSource ds, String code, int accounts) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long provider;
            try (PreparedStatement p = c.prepareStatement("""
                    insert into billing.providers (code, name, account_kind, region) values (?, ?, 'ELECTRICITY', ?)
                    returning id""")) {
                p.setString(1, code);
                p.setString(2, code);
                p.setString(3, Region.TASHKENT_CITY.name());
                var rs = p.executeQuery();
                rs.next();
                provider = rs.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("""
                    with a as (insert into billing.accounts (provider_id, number, opened_on)
                               select ?, (3000000 + g)::text, ? from generate_series(1, ?) g returning id, number),
                         m as (insert into gateway.meters (serial, utility, protocol, register_digits, installed_at)
                               select ? || a.number, 'electricity', 'mqtt', 6, '2024-01-01' from a returning id, serial),
                         l as (insert into billing.account_meters (account_id, meter_id, serial, register, linked_at)
                               select a.id, m.id, m.serial, '1-0:1.8.0', now() from a join m on m.serial = ? || a.number
                               returning account_id, meter_id),
                         s as (insert into billing.account_services select id, 'ELECTRICITY' from a),
                         f as (insert into billing.household_facts (account_id, valid_from, residents, region)
                               select id, '2024-01-01', 3, 'TASHKENT_CITY' from a)
                    insert into gateway.readings (meter_id, register, ts, value, received_at, source)
                    select l.meter_id, '1-0:1.8.0', t.ts, t.v + (l.meter_id % 500), t.ts, 'test' from l
                    cross join (values ('2025-10-31T19:00:00Z'::timestamptz, 1000::numeric),
                                       ('2025-11-30T19:00:00Z'::timestamptz, 1250::numeric)) t(ts, v)""")) {
                s.setLong(1, provider);
                s.setObject(2, LocalDate.of(2024, 1, 1));
                s.setInt(3, accounts);
                s.setString(4, code + "-");
                s.setString(5, code + "-");
                s.executeUpdate();
            }
            c.commit();
            return provider;
        }
    }

    public static final BigDecimal KWH_PER_ACCOUNT = BigDecimal.valueOf(250);
}
