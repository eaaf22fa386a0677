package uz.ekommunal.billing;

import javax.sql.DataSource;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.testing.TestDatabase;

/** A fresh test database with the gateway's and billing's schemas migrated. */
public final class BillingDatabase implements AutoCloseable {

    private final TestDatabase database = TestDatabase.create();

    public BillingDatabase() {
        GatewaySchema.migrate(database.dataSource());
        BillingSchema.migrate(database.dataSource());
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public TestDatabase database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }
}
