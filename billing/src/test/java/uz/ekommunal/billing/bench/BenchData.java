package uz.ekommunal.billing.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A city for the bill-run benchmark, generated in SQL: {@code n} single-billing accounts in
 * Tashkent, half with electricity, gas and garbage (3 utilities), half with electricity, cold
 * water, sewerage and garbage (4); two meters each; two readings per meter around each boundary of
 * the months billed (four for November alone, six for October and November), none at the boundary
 * itself, so every boundary value is interpolated. One meter in a thousand rolls over during the first month.
 */
final class BenchData {

    private BenchData() {
    }

    static long create(DataSource ds, int n, int months) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("set synchronous_commit = off");
            s.execute("insert into billing.providers (code, name, account_kind, region) "
                    + "values ('BENCH', 'Bench single billing', 'SINGLE_BILLING', 'TASHKENT_CITY')");
            s.execute("insert into billing.accounts (provider_id, number, opened_on) "
                    + "select 1, (100000000000 + g)::text, '2024-01-01' from generate_series(1, " + n + ") g order by g");
            s.execute("""
                    insert into billing.account_services
                    select id, u from billing.accounts, unnest(case when id % 2 = 0
                        then array['ELECTRICITY', 'NATURAL_GAS', 'GARBAGE']
                        else array['ELECTRICITY', 'COLD_WATER', 'SEWERAGE', 'GARBAGE'] end) u""");
            s.execute("""
                    insert into billing.household_facts (account_id, valid_from, residents, heated_area, region,
                        needy_family) select id, '2024-01-01', 1 + id % 6, 0, 'TASHKENT_CITY', id % 10 = 0
                    from billing.accounts""");
            // meter ids follow account ids: electricity = account id, the second meter = n + account id
            s.execute("insert into gateway.meters (serial, utility, protocol, register_digits, installed_at) "
                    + "select 'E' || id, 'electricity', 'mqtt', 6, '2024-01-01' from billing.accounts order by id");
            s.execute("""
                    insert into gateway.meters (serial, utility, protocol, register_digits, installed_at)
                    select case when id % 2 = 0 then 'G' else 'W' end || id,
                           case when id % 2 = 0 then 'gas' else 'cold_water' end, 'mqtt', 5, '2024-01-01'
                    from billing.accounts order by id""");
            s.execute("""
                    insert into billing.account_meters (account_id, meter_id, serial, register, linked_at)
                    select a.id, m.id, m.serial, case left(m.serial, 1) when 'E' then '1-0:1.8.0'
                                                 when 'G' then '7-0:3.0.0' else '8-0:1.0.0' end, now()
                    from billing.accounts a join gateway.meters m on m.id in (a.id, a.id + %d)""".formatted(n));
            // readings: a steady rate per meter, at 18:00 UTC (23:00 Tashkent) either side of each boundary
            String times = months == 2
                    ? "('2025-09-30T18:00:00Z'::timestamptz), ('2025-10-01T18:00:00Z'), ('2025-10-31T18:00:00Z'), "
                        + "('2025-11-01T18:00:00Z'), ('2025-11-30T18:00:00Z'), ('2025-12-01T18:00:00Z')"
                    : "('2025-10-31T18:00:00Z'::timestamptz), ('2025-11-01T18:00:00Z'), ('2025-11-30T18:00:00Z'), "
                        + "('2025-12-01T18:00:00Z')";
            s.execute("""
                    insert into gateway.readings (meter_id, register, ts, value, quality, received_at, source)
                    select m.meter_id, m.register, t.ts,
                           mod(base + rate * extract(epoch from t.ts - '%s'::timestamptz) / 3600,
                               power(10, case when m.register = '1-0:1.8.0' then 6 else 5 end)::numeric)::numeric(20,3),
                           0, t.ts, 'bench'
                    from (select meter_id, register,
                                 case when meter_id %% 1000 = 0 and register = '1-0:1.8.0' then 999900
                                      else 100 + meter_id %% 9000 end::numeric as base,
                                 case register when '1-0:1.8.0' then 150 + meter_id * 7919 %% 300
                                               when '7-0:3.0.0' then 40 + meter_id * 104729 %% 200
                                               else 4 + meter_id %% 12 end::numeric / 744 as rate
                          from billing.account_meters) m
                    cross join (values %s) t(ts)""".formatted(months == 2 ? "2025-09-30T18:00:00Z"
                    : "2025-10-31T18:00:00Z", times));
            s.execute("vacuum analyze gateway.meters");
            s.execute("vacuum analyze gateway.readings");
            s.execute("vacuum analyze billing.accounts");
            s.execute("vacuum analyze billing.account_services");
            s.execute("vacuum analyze billing.account_meters");
            s.execute("vacuum analyze billing.household_facts");
            return 1;
        }
    }
}
