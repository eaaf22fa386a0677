package uz.ekommunal.billing.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;

/**
 * Usage records carry one index, the key (account, period, id): a bill run COPYs millions of them
 * and each index costs every row an insert, while every read goes by account and period.
 */
class UsageRecordsIndexIT {

    private static BillingDatabase db;

    @BeforeAll
    static void start() {
        db = new BillingDatabase();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void oneIndexKeyedByAccountPeriodAndId() throws Exception {
        List<String> indexes = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery("""
                select pg_get_indexdef(indexrelid) from pg_index
                where indrelid = 'billing.usage_records'::regclass""")) {
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
        }
        assertThat(indexes).containsExactly("CREATE UNIQUE INDEX usage_records_pkey ON "
                + "billing.usage_records USING btree (account_id, period_start, id)");
    }
}
