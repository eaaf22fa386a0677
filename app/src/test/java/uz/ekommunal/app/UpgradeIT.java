package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.testing.TestDatabase;

/**
 * A database made by the previous release (its own jar ran its demo neighbourhood until the previous
 * month was billed; ops/make-upgrade-fixture.sh), migrated by today's code: every reading, invoice,
 * invoice line and ledger entry is still there with the same values, every account's balance is
 * the same, and every invoice's total is still the sum of its lines.
 */
class UpgradeIT {

    private static final String FIXTURE = "/upgrade/release-caccd6c.sql.gz";

    /** What a release must never change: the history, summed and fingerprinted. */
    private static final Map<String, String> HISTORY = new LinkedHashMap<>();

    static {
        HISTORY.put("readings", "select count(*), sum(value), md5(string_agg(meter_id || register || ts || value, ',' "
                + "order by meter_id, register, ts)) from gateway.readings");
        HISTORY.put("invoices", "select count(*), sum(total_tiyin), md5(string_agg(number || account_id || period_start "
                + "|| total_tiyin || balance_after_tiyin, ',' order by id)) from billing.invoices");
        HISTORY.put("invoice lines", "select count(*), sum(amount_tiyin), md5(string_agg(invoice_id || '/' || line_no "
                + "|| coalesce(quantity::text, '') || coalesce(unit_price::text, '') || amount_tiyin, ',' "
                + "order by invoice_id, line_no)) from billing.invoice_lines");
        HISTORY.put("ledger", "select count(*), sum(amount_tiyin), md5(string_agg(id || kind || amount_tiyin "
                + "|| effective_at, ',' order by id)) from billing.ledger_entries");
        HISTORY.put("balances", "select count(*), 0, md5(string_agg(account_id || '=' || balance, ',' order by account_id)) "
                + "from (select account_id, sum(amount_tiyin) as balance from billing.ledger_entries group by 1) b");
        HISTORY.put("accounts", "select count(*), 0, md5(string_agg(number || provider_id, ',' order by id)) "
                + "from billing.accounts");
    }

    @Test
    void aDatabaseOfThePreviousReleaseMigratesWithItsHistoryIntact() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            restore(db.url());
            Map<String, List<Object>> before = history(db);
            assertThat(before.get("readings").get(0)).as("the fixture has readings").isNotEqualTo(0L);
            assertThat(before.get("invoices").get(0)).as("the fixture has invoices").isNotEqualTo(0L);

            List<AutoCloseable> opened = new ArrayList<>();
            Application.migrate(Settings.load(Map.of("EKOMMUNAL_DB_URL", db.url())), opened);
            for (AutoCloseable c : opened) {
                c.close();
            }

            assertThat(history(db)).isEqualTo(before);
            assertThat(query(db, """
                    select count(*) from billing.invoices i
                    where i.total_tiyin <> (select coalesce(sum(amount_tiyin), 0) from billing.invoice_lines l
                                            where l.invoice_id = i.id)""")).containsExactly(List.of(0L));
            // migrated to the end: each module's history names today's last migration, none failed
            assertThat(query(db, """
                    select count(*) from (select success from gateway.flyway_history union all
                      select success from billing.flyway_history union all select success from tariff.flyway_history
                      union all select success from api.flyway_history union all
                      select success from appeals.flyway_history) h where not success""")).containsExactly(List.of(0L));
        }
    }

    private static Map<String, List<Object>> history(TestDatabase db) throws Exception {
        Map<String, List<Object>> facts = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : HISTORY.entrySet()) {
            facts.put(e.getKey(), query(db, e.getValue()).get(0));
        }
        return facts;
    }

    private static List<List<Object>> query(TestDatabase db, String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Loads the plain-SQL dump with psql, the tool it was written for. */
    private static void restore(String jdbcUrl) throws Exception {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        ProcessBuilder psql = new ProcessBuilder("psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", uri.getHost(),
                "-p", Integer.toString(uri.getPort()), "-U", params.getOrDefault("user", "postgres"),
                "-d", uri.getPath().substring(1)).redirectErrorStream(true);
        if (params.containsKey("password")) {
            psql.environment().put("PGPASSWORD", params.get("password"));
        }
        Process process = psql.start();
        try (InputStream dump = new GZIPInputStream(UpgradeIT.class.getResourceAsStream(FIXTURE));
             var stdin = process.getOutputStream()) {
            dump.transferTo(stdin);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
