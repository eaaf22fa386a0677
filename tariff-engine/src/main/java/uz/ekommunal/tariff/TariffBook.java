package uz.ekommunal.tariff;

import java.util.List;

/**
 * Where the engine reads tariffs from: every version, current and historical. The default book
 * is {@link InMemoryTariffBook#loadDefault()}; billing implements it over its database.
 *
 * <p>Pricing takes a snapshot of the book when an engine is built, so an implementation may be
 * slow (a query); build a new engine after operators change the book.
 */
public interface TariffBook {

    /**
     * Every version in the book, in any order. Must satisfy {@link BookValidator#validate}:
     * unique ids and no two versions competing for the same household on the same day.
     */
    List<TariffVersion> versions();
}
