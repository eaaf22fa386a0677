package uz.ekommunal.api.widgets;

/**
 * Reads one account's card from wherever the provider's data lives (today billing's tables; a
 * provider's own billing system behind an adapter later). May be slow or fail: the widgets
 * route bounds each card by a timeout and shows a failed one as unavailable.
 */
@FunctionalInterface
public interface CardReader {

    WidgetCard read(long accountId) throws Exception;
}
