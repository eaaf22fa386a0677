package uz.ekommunal.api;

import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import uz.ekommunal.storage.ModuleSchema;

/**
 * The API's own tables in the schema {@code api}: users and sign-in (codes, sends, refresh
 * tokens), linked personal accounts and the notifications outbox. Billing's accounts are
 * referred to by id and read through billing's Java API.
 */
public final class ApiSchema {

    public static final String NAME = "api";
    public static final ModuleSchema SCHEMA = new ModuleSchema(NAME);

    private ApiSchema() {
    }

    /** Also the interactive services' schema ({@link ServicesSchema}), so whoever migrates the API migrates them. */
    public static MigrateResult migrate(DataSource dataSource) {
        MigrateResult api = SCHEMA.migrate(dataSource);
        ServicesSchema.migrate(dataSource);
        return api;
    }
}
