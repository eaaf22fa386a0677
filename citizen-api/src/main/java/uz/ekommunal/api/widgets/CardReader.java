package uz.ekommunal.api.widgets;

import java.util.List;
import java.util.Map;

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

    /** One account's card, read alone, so that a failing provider takes no other card down. */
    WidgetCard read(long accountId) throws Exception;
}
