package uz.ekommunal.api.appeals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import uz.ekommunal.api.http.Languages;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.QueryParams;

/**
 * The resident's side: filing ({@code POST /api/v1/me/appeals}, drafts, send, close), My appeals
 * with its search, one appeal with its history and attachments, and the public feed.
 */
final class AppealRoutes {

    private static final ZoneId ZONE = Deadlines.TASHKENT;

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final DataSource dataSource;
    private final AppealService service;
    private final AttachmentStore files;
    private final AppealStore store = new AppealStore();
    private final AppealQueries queries = new AppealQueries();
    private final Directory directory = new Directory();

    AppealRoutes(Vertx vertx, Authenticate authenticate, DataSource dataSource, AppealService service,
            AttachmentStore files) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.dataSource = dataSource;
        this.service = service;
        this.files = files;
    }

    void mount(Router router) {
        router.post("/api/v1/me/appeals").handler(authenticate).handler(this::file);
        router.get("/api/v1/me/appeals").handler(authenticate).handler(this::mine);
        router.put("/api/v1/me/appeals/:id").handler(authenticate).handler(this::update);
        router.post("/api/v1/me/appeals/:id/send").handler(authenticate).handler(this::send);
        router.post("/api/v1/me/appeals/:id/close").handler(authenticate).handler(this::close);
        router.get("/api/v1/appeals/public").handler(this::publicFeed);
        router.get("/api/v1/appeals/:id").handler(authenticate).handler(this::one);
        router.get("/api/v1/appeals/:id/attachments/:file").handler(authenticate).handler(this::download);
    }

    private void file(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        JsonObject body = RouteSupport.body(ctx);
        AppealForm form = AppealForm.parse(body);
        boolean send = !Boolean.FALSE.equals(body.getValue("send")) && !"draft".equals(body.getValue("status"));
        RouteSupport.blocking(vertx, ctx, () -> service.file(Actor.of(caller), form, send),
                a -> detail(ctx, 201, a));
    }

    private void update(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.APPEAL_NOT_FOUND);
        AppealForm form = AppealForm.parse(RouteSupport.body(ctx));
        RouteSupport.blocking(vertx, ctx, () -> service.updateDraft(Actor.of(caller), id, form), a -> detail(ctx, 200, a));
    }

    private void send(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.APPEAL_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> service.send(Actor.of(caller), id), a -> detail(ctx, 200, a));
    }

    private void close(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.APPEAL_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> service.act(Actor.of(caller), id,
                new Command(Action.CLOSE, null, null, null, null)), a -> detail(ctx, 200, a));
    }

    private void mine(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        AppealQueries.Filter filter = new AppealQueries.Filter(caller.userId(), param(ctx, "number"),
                QueryParams.instant(ctx, "from", null, ZONE), QueryParams.instant(ctx, "to", null, ZONE),
                statuses(ctx), categories(ctx), longParam(ctx, "organisationId"), null, null);
        page(ctx, filter, false);
    }

    private void publicFeed(RoutingContext ctx) {
        Set<Status> shown = EnumSet.of(Status.SENT, Status.ACCEPTED, Status.FORWARDED, Status.ANSWERED, Status.CLOSED);
        Set<Status> asked = statuses(ctx);
        if (asked != null) {
            shown.retainAll(asked);
        }
        AppealQueries.Filter filter = new AppealQueries.Filter(null, param(ctx, "number"), null, null,
                shown.isEmpty() ? EnumSet.of(Status.DRAFT) : shown, categories(ctx), longParam(ctx, "organisationId"),
                true, null);
        page(ctx, filter, true);
    }

    private void page(RoutingContext ctx, AppealQueries.Filter filter, boolean isPublic) {
        int limit = QueryParams.integer(ctx, "limit", 20, 1, 100);
        int offset = QueryParams.integer(ctx, "offset", 0, 0, 1_000_000);
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                return queries.search(c, filter, limit, offset);
            }
        }, page -> {
            JsonArray items = new JsonArray();
            page.items().forEach(a -> items.add(isPublic ? AppealJson.publicItem(a, Languages.of(ctx)) : AppealJson.summary(a, Languages.of(ctx))));
            RouteSupport.json(ctx, 200, new JsonObject().put("items", items).put("total", page.total())
                    .put("limit", limit).put("offset", offset));
        });
    }

    private void one(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.APPEAL_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                Appeal a = visible(c, caller, id);
                return AppealJson.full(a, store.history(c, id), files.of(c, id), Languages.of(ctx));
            }
        }, json -> RouteSupport.json(ctx, 200, json));
    }

    private void download(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.APPEAL_NOT_FOUND);
        UUID fileId;
        try {
            fileId = UUID.fromString(ctx.pathParam("file"));
        } catch (IllegalArgumentException e) {
            throw ApiException.because(ApiError.ATTACHMENT_NOT_FOUND, "file", "noSuchAttachment");
        }
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                visible(c, caller, id);
                return files.find(c, id, fileId).orElseThrow(() ->
                        ApiException.because(ApiError.ATTACHMENT_NOT_FOUND, "file", "noSuchAttachment"));
            }
        }, file -> ctx.response()
                .putHeader("Content-Type", file.type().servedType())
                .putHeader("Content-Disposition", "attachment; filename=\"" + file.id() + "\"")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
                .putHeader("Cache-Control", "private, no-store")
                .sendFile(files.file(file).toString()));
    }

    private Appeal visible(Connection c, Caller caller, long id) throws java.sql.SQLException {
        Appeal a = store.load(c, id, false).orElseThrow(() -> AppealService.notFound(id));
        Long org = directory.officerOrganisation(c, caller.userId()).orElse(null);
        if (!AppealAccess.maySee(caller, a, org)) {
            throw AppealService.notFound(id);
        }
        return a;
    }

    private void detail(RoutingContext ctx, int status, Appeal a) {
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                return AppealJson.full(a, store.history(c, a.id()), files.of(c, a.id()), Languages.of(ctx));
            }
        }, json -> RouteSupport.json(ctx, status, json));
    }

    static String param(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    static Long longParam(RoutingContext ctx, String name) {
        String v = param(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, name, "number", name);
        }
    }

    static Set<Status> statuses(RoutingContext ctx) {
        String v = param(ctx, "status");
        if (v == null) {
            return null;
        }
        Set<Status> out = EnumSet.noneOf(Status.class);
        for (String s : v.split(",")) {
            try {
                out.add(Status.valueOf(s.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiException.because(ApiError.INVALID_PARAMETER, "status", "statusDraftSentAccepted");
            }
        }
        return out;
    }

    static Set<Category> categories(RoutingContext ctx) {
        String v = param(ctx, "service");
        if (v == null) {
            return null;
        }
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (String s : v.split(",")) {
            out.add(Category.of(s.strip()).orElseThrow(() -> ApiException.because(ApiError.INVALID_PARAMETER,
                    "service", "serviceOne", AppealForm.codes())));
        }
        return out;
    }
}
