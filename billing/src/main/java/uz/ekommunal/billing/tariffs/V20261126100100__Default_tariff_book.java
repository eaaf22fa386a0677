package uz.ekommunal.billing.tariffs;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import uz.ekommunal.tariff.InMemoryTariffBook;

/**
 * Loads the default tariff book shipped with the engine (its CSV, read by {@code TariffBookCsv} and
 * checked by {@code BookValidator}) into {@code tariff.tariff_versions}. Runs once: after that the
 * database is the book, and operators change it by adding versions, not by editing the CSV.
 */
public class V20261126100100__Default_tariff_book extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        TariffRows.insert(context.getConnection(), InMemoryTariffBook.loadDefault().versions(), null);
    }
}
