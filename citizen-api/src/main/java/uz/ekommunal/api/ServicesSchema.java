package uz.ekommunal.api;

import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import uz.ekommunal.storage.ModuleSchema;

/**
 * The interactive services' tables in the schema {@code services}: the estimate calculator's
 * catalogue and rates, surveys and their answers. Users and providers are referred to by id.
 * Migrated with {@link ApiSchema}.
 */
public final class ServicesSchema {

    public static final String NAME = "services";
    public static final ModuleSchema SCHEMA = new ModuleSchema(NAME);

    private ServicesSchema() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return SCHEMA.migrate(dataSource);
    }
}
