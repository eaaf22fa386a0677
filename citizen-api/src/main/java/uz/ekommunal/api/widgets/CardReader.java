package uz.ekommunal.api.widgets;

import java.util.List;
import java.util.Map;
import uz.ekommunal.billing.overview.AccountOverviews;

/**
 * Reads accounts' cards from wherever the provider's data lives (today billing's tables; a
 * provider's own billing system behind an adapter later). May be slow or fail: the widgets
 * route bounds the reads by a timeout and shows a failed card as unavailable.
 */
public interface CardReader {

    /**
     * The cards of these accounts, read together (a household's widgets in a few queries).
     * An account whose data is not found is absent.
     *
     * @throws Exception when any card cannot be read: the route then reads the cards one by one
     */
    Map<Long, WidgetCard> readAll(List<Long> accountIds) throws Exception;

    /**
     * The accounts {@code ids} gives, in its order, with the cards of those found, read together;
     * where the reader can, the ids are read in the same round trip as the cards.
     *
     * @throws Exception when the ids or any card cannot be read: the route then reads the ids
     *     alone and the cards one by one
     */
    CardPage readPage(AccountOverviews.IdQuery ids) throws Exception;

    /** The ids of a page and the cards of those found. */
    record CardPage(List<Long> ids, Map<Long, WidgetCard> cards) {
    }

    /** One account's card, read alone, so that a failing provider takes no other card down. */
    WidgetCard read(long accountId) throws Exception;
}
