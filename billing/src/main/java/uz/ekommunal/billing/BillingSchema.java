package uz.ekommunal.billing;

import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import uz.ekommunal.storage.ModuleSchema;

/**
 * Billing's tables in the schema {@code billing}: providers, accounts, household facts, ledger,
 * payments, bill runs and shards, invoices, and Quartz's job store (prefix {@code qrtz_}).
 * Needs the gateway's schema only through its Java API, never its tables.
 */
public final class BillingSchema {

    public static final String NAME = "billing";
    public static final ModuleSchema SCHEMA = new ModuleSchema(NAME);

    private BillingSchema() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return SCHEMA.migrate(dataSource);
    }
}
