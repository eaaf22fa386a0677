package uz.ekommunal.api.widgets;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.api.accounts.Cursors;
import uz.ekommunal.api.accounts.LinkedAccounts;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.Requests;
import uz.ekommunal.api.http.QueryParams;

/**
 * {@code GET /api/v1/me/widgets}: a card per linked account. The page's cards are read together
 * (a few queries for the whole household); if that fails or takes longer than the card timeout,
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
        Caller caller = Requests.caller(ctx);
        int limit = QueryParams.integer(ctx, "limit", LinkedAccounts.MAX_PER_USER, 1, LinkedAccounts.MAX_PER_USER);
        Long after = Cursors.decodeId(ctx.request().getParam("cursor"));
        vertx.executeBlocking(() -> links.accountIds(caller.userId(), after, limit + 1), false).onComplete(ids -> {
            if (ids.failed()) {
                Requests.fail(ctx, ids.cause());
                return;
            }
            List<Long> page = ids.result().subList(0, Math.min(limit, ids.result().size()));
            String next = ids.result().size() > limit ? Cursors.encode(Long.toString(page.get(limit - 1))) : null;
            cards(page).onComplete(items -> Requests.json(ctx, 200,
                    new JsonObject().put("items", items.result()).put("nextCursor", next)));
        });
    }

    /** Never fails: the page's cards read together, or else one by one. */
    private Future<JsonArray> cards(List<Long> page) {
        if (page.isEmpty()) {
            return Future.succeededFuture(new JsonArray());
        }
        return vertx.executeBlocking(() -> {
            Map<Long, WidgetCard> read = cards.readAll(page);
            JsonArray items = new JsonArray();
            for (long id : page) {
                WidgetCard card = read.get(id);
                items.add(card == null ? WidgetJson.unavailable(id) : WidgetJson.card(card));
            }
            return items;
        }, false).timeout(cardTimeout.toMillis(), TimeUnit.MILLISECONDS).recover(e -> {
            LOG.warn("Widget cards {} not read together, reading each: {}", page, e.toString());
            List<Future<JsonObject>> futures = new ArrayList<>(page.size());
            for (long id : page) {
                futures.add(card(id));
            }
            return Future.join(futures).transform(all -> {
                JsonArray items = new JsonArray();
                futures.forEach(f -> items.add(f.result()));
                return Future.succeededFuture(items);
            });
        });
    }

    /** Never fails: an unreadable or late card becomes an unavailable one. */
    private Future<JsonObject> card(long accountId) {
        return vertx.executeBlocking(() -> WidgetJson.card(cards.read(accountId)), false)
                .timeout(cardTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .recover(e -> {
                    LOG.warn("Widget card of account {} unavailable: {}", accountId, e.toString());
                    return Future.succeededFuture(WidgetJson.unavailable(accountId));
                });
    }
}
