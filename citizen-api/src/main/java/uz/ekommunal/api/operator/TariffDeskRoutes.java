package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import uz.ekommunal.api.accounts.Cursors;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.api.http.QueryParams;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.billing.tariffs.TariffBookStore;
import uz.ekommunal.tariff.TariffVersion;

/**
 * {@code GET /api/v1/operator/tariffs} (operators and administrators), {@code POST .../tariffs}
 * and {@code POST .../tariffs/{id}/supersede} (administrators: see {@link DeskAccess#requireTariffEditor}).
 * After a change the cached book is reloaded, so the calculator and bill runs price with it at once.
 */
final class TariffDeskRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final TariffBookStore store;
    private final JdbcTariffBook book;
    private final AuditLog audit;

    TariffDeskRoutes(Vertx vertx, Authenticate authenticate, TariffBookStore store, JdbcTariffBook book,
            AuditLog audit) {
        this.audit = audit;
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.store = store;
        this.book = book;
    }

    void mount(Router router) {
        router.get("/api/v1/operator/tariffs").handler(authenticate).handler(this::list);
        router.post("/api/v1/operator/tariffs").handler(authenticate).handler(this::add);
        router.post("/api/v1/operator/tariffs/:id/supersede").handler(authenticate).handler(this::supersede);
    }

    /** By id, {@code limit} per page; {@code utility} filters. */
    private void list(RoutingContext ctx) {
        DeskAccess.requireDesk(RouteSupport.caller(ctx));
        int limit = QueryParams.integer(ctx, "limit", 100, 1, 1000);
        String after = Cursors.decode(ctx.request().getParam("cursor"));
        String utility = ctx.request().getParam("utility");
        RouteSupport.blocking(vertx, ctx, () -> {
            List<TariffVersion> all = store.versions().stream()
                    .filter(v -> utility == null || v.utility().name().equalsIgnoreCase(utility))
                    .filter(v -> after == null || v.id().compareTo(after) > 0)
                    .sorted(Comparator.comparing(TariffVersion::id)).toList();
            JsonArray items = new JsonArray();
            all.stream().limit(limit).forEach(v -> items.add(TariffForm.json(v)));
            return new JsonObject().put("items", items)
                    .put("nextCursor", all.size() > limit ? Cursors.encode(all.get(limit - 1).id()) : null);
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    private void add(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireTariffEditor(caller);
        TariffVersion version = TariffForm.parse(RouteSupport.body(ctx));
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            stored(() -> store.add(version));
            audit.record(caller, "tariff.add", "tariff:" + version.id(), null, TariffForm.json(version), address);
            return version;
        }, v -> RouteSupport.json(ctx, 201, TariffForm.json(v)));
    }

    private void supersede(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireTariffEditor(caller);
        String previous = ctx.pathParam("id");
        TariffVersion next = TariffForm.parse(RouteSupport.body(ctx));
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            TariffVersion before = store.versions().stream().filter(v -> v.id().equals(previous)).findFirst()
                    .orElseThrow(() -> ApiException.because(ApiError.TARIFF_VERSION_NOT_FOUND, "id",
                            "noTariffVersion", previous));
            stored(() -> store.supersede(previous, next));
            audit.record(caller, "tariff.supersede", "tariff:" + previous, TariffForm.json(before),
                    TariffForm.json(next).put("supersedes", previous), address);
            return next;
        }, v -> RouteSupport.json(ctx, 201, TariffForm.json(v).put("supersedes", previous)));
    }

    /** Stores a change (the book's refusals are answered as problems by the failure handler) and reloads the cached book. */
    private void stored(Runnable change) {
        change.run();
        book.reload();
    }
}
