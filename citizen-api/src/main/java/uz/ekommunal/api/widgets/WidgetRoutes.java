package uz.ekommunal.api.widgets;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.api.accounts.Cursors;
import uz.ekommunal.api.accounts.LinkedAccounts;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.QueryParams;

/**
 * {@code GET /api/v1/me/widgets}: a card per linked account. The linked ids and the page's cards
 * are read together in one blocking call (a few queries for the whole household); if reading the
 * cards fails, or the call takes longer than the card timeout,
 * each card is read on its own, in parallel and bounded by the card timeout, and a card whose
 * provider data fails or is late is answered as unavailable with the portal's message while the
 * others answer as usual. So a failing provider costs its household up to twice the card
 * timeout. (A timed-out read keeps its worker until JDBC returns; the pool's connection timeout
 * bounds that.)
 */
public final class WidgetRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(WidgetRoutes.class);

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final LinkedAccounts links;
    private final CardReader cards;
    private final Duration cardTimeout;
    private final CardJsonCache json = new CardJsonCache();

    public WidgetRoutes(Vertx vertx, Authenticate authenticate, LinkedAccounts links, CardReader cards,
            Duration cardTimeout) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.links = links;
        this.cards = cards;
        this.cardTimeout = cardTimeout;
    }

    public void mount(Router router) {
        router.get("/api/v1/me/widgets").handler(authenticate).handler(this::widgets);
    }

    private void widgets(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        int limit = QueryParams.integer(ctx, "limit", LinkedAccounts.MAX_PER_USER, 1, LinkedAccounts.MAX_PER_USER);
        Long after = Cursors.decodeId(ctx.request().getParam("cursor"));
        // One worker hand-off: the linked ids and the cards read together (one statement when the
        // cards are cached), and the JSON. A flight recording showed each hand-off's thread
        // wake-ups and pool checkout in the API's CPU.
        vertx.executeBlocking(() -> {
            CardReader.CardPage read;
            try {
                read = cards.readPage(LinkedAccounts.pageQuery(caller.userId(), after, limit + 1));
            } catch (Exception e) {
                Page page = page(caller, after, limit); // the ids alone; if they fail too, the request fails
                LOG.warn("Widget cards {} not read together, reading each: {}", page.ids(), e.toString());
                return new Answer(page, page.ids().isEmpty() ? json.page(page.ids(), Map.of(), page.next()) : null);
            }
            Page page = page(read.ids(), limit);
            return new Answer(page, json.page(page.ids(), read.cards(), page.next()));
        }, false).timeout(cardTimeout.toMillis(), TimeUnit.MILLISECONDS).onComplete(done -> {
            if (done.succeeded() && done.result().json() != null) {
                RouteSupport.json(ctx, 200, done.result().json());
            } else if (done.succeeded()) {
                oneByOne(ctx, done.result().page());
            } else if (done.cause() instanceof TimeoutException) {
                // late: the page is read again (an index lookup), then each card alone
                LOG.warn("Widget cards of user {} not read together in {}, reading each", caller.userId(), cardTimeout);
                vertx.executeBlocking(() -> page(caller, after, limit), false).onComplete(page -> {
                    if (page.failed()) {
                        RouteSupport.fail(ctx, page.cause());
                    } else {
                        oneByOne(ctx, page.result());
                    }
                });
            } else {
                RouteSupport.fail(ctx, done.cause());
            }
        });
    }

    /** The linked ids to show, and the cursor of the next page (null on the last). */
    private record Page(List<Long> ids, String next) {
    }

    /** The JSON answer, or null when the cards were not read together. */
    private record Answer(Page page, Buffer json) {
    }

    private Page page(Caller caller, Long after, int limit) throws Exception {
        return page(links.accountIds(caller.userId(), after, limit + 1), limit);
    }

    /** The page of up to {@code limit} of these ids (read with one more, to tell whether a next page exists). */
    private static Page page(List<Long> ids, int limit) {
        List<Long> page = ids.subList(0, Math.min(limit, ids.size()));
        return new Page(List.copyOf(page), ids.size() > limit ? Cursors.encode(Long.toString(page.get(limit - 1))) : null);
    }

    /** Each card read alone, in parallel; never fails: a card unread or late is unavailable. */
    private void oneByOne(RoutingContext ctx, Page page) {
        List<Future<WidgetCard>> futures = new ArrayList<>(page.ids().size());
        for (long id : page.ids()) {
            futures.add(card(id));
        }
        Future.join(futures).onComplete(all -> {
            Map<Long, WidgetCard> read = new HashMap<>();
            for (int i = 0; i < futures.size(); i++) {
                if (futures.get(i).result() != null) {
                    read.put(page.ids().get(i), futures.get(i).result());
                }
            }
            RouteSupport.json(ctx, 200, json.page(page.ids(), read, page.next()));
        });
    }

    /** Never fails: an unreadable or late card is null (answered as unavailable). */
    private Future<WidgetCard> card(long accountId) {
        return vertx.executeBlocking(() -> cards.read(accountId), false)
                .timeout(cardTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .recover(e -> {
                    LOG.warn("Widget card of account {} unavailable: {}", accountId, e.toString());
                    return Future.succeededFuture(null);
                });
    }
}
