package uz.ekommunal.storage;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A module's own schema and its Flyway migrations. Each module keeps its SQL migrations under
 * {@code db/migration/<schema>} (timestamp versions, so parallel work never collides) and its
 * history table inside its schema, so modules migrate independently.
 */
public record ModuleSchema(String name, JavaMigration... javaMigrations) {

    public MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(name)
                .defaultSchema(name)
                .createSchemas(true)
                .table("flyway_history")
                .locations("classpath:db/migration/" + name)
                .javaMigrations(javaMigrations)
                .loggers("slf4j")
                .load()
                .migrate();
    }
}
