package uz.ekommunal.api.appeals;

import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import uz.ekommunal.storage.ModuleSchema;

/** The schema {@code appeals}: organisations, routing, appeals, history, attachments, holidays, Open311 keys. */
public final class AppealsSchema {

    public static final String NAME = "appeals";
    public static final ModuleSchema SCHEMA = new ModuleSchema(NAME);

    private AppealsSchema() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return SCHEMA.migrate(dataSource);
    }
}
