package uz.ekommunal.billing.tariffs;

import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import uz.ekommunal.storage.ModuleSchema;

/** The tariff book's tables, in the schema {@code tariff}: created, then filled with the default book. */
public final class TariffSchema {

    public static final String NAME = "tariff";

    public static final ModuleSchema SCHEMA = new ModuleSchema(NAME, new V20261126100100__Default_tariff_book());

    private TariffSchema() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return SCHEMA.migrate(dataSource);
    }
}
