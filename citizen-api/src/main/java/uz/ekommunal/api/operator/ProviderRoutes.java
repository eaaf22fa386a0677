package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.sql.DataSource;
import uz.ekommunal.api.accounts.AccountJson;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ProviderAreas;
import uz.ekommunal.billing.account.ProviderChanges;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.account.ServedArea;
import uz.ekommunal.storage.Transactions;
import uz.ekommunal.tariff.Region;

/**
 * Administrators keep the providers: {@code GET /api/v1/admin/providers}, {@code POST} to add one
 * (code, utility family, home region and district, requisites, the other areas it serves),
 * {@code PUT /api/v1/admin/providers/{code}} to change its district, requisites and areas; each change audited ({@code provider.create},
 * {@code provider.change}, target {@code provider:<code>}).
 */
public final class ProviderRoutes {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final DataSource dataSource;
    private final Accounts accounts;
    private final AuditLog audit;
    private final ProviderChanges changes = new ProviderChanges();
    private final ProviderAreas areas = new ProviderAreas();

    public ProviderRoutes(Vertx vertx, Authenticate authenticate, DataSource dataSource, Accounts accounts,
            AuditLog audit) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.get("/api/v1/admin/providers").handler(authenticate).handler(this::list);
        router.post("/api/v1/admin/providers").handler(authenticate).handler(this::create);
        router.put("/api/v1/admin/providers/:code").handler(authenticate).handler(this::change);
    }

    private void list(RoutingContext ctx) {
        requireAdministrator(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            JsonArray items = new JsonArray();
            Map<Long, List<ServedArea>> served;
            try (Connection c = dataSource.getConnection()) {
                served = areas.all(c);
            }
            for (Provider p : accounts.providersByCode().values()) {
                items.add(AccountJson.provider(p).put("accountPattern", p.accountPattern())
                        .put("areas", areasJson(served.getOrDefault(p.id(), List.of()))));
            }
            return new JsonObject().put("items", items);
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    private void create(RoutingContext ctx) {
        Caller caller = requireAdministrator(ctx);
        JsonObject body = RouteSupport.body(ctx);
        String code = DeskFormFields.text(body, "code", 40, true).toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw ApiException.because(ApiError.INVALID_VALUE, "code", "codeCapitalLettersDigits");
        }
        AccountKind kind = choice(AccountKind.class, body, "utility");
        Region region = choice(Region.class, body, "region");
        String pattern = DeskFormFields.text(body, "accountPattern", 200, kind == AccountKind.GARBAGE);
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw ApiException.because(ApiError.INVALID_VALUE, "accountPattern",
                        "accountpatternNotRegularExpression");
            }
        }
        String district = DeskFormFields.text(body, "district", 100, false);
        ProviderRequisites requisites = requisites(body);
        List<ServedArea> others = areas(body);
        NewProvider provider = new NewProvider(code, kind, kind == AccountKind.GARBAGE ? pattern : null, region, district,
                requisites);
        String from = address(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            return Transactions.inTransaction(dataSource, c -> {
                long id = changes.create(c, provider);
                List<ServedArea> served = areas.replace(c, id, others == null ? List.of() : others);
                JsonObject after = new JsonObject().put("id", id).put("code", code)
                        .put("utility", kind.name().toLowerCase(Locale.ROOT)).put("region", region.name())
                        .put("district", district).put("requisites", AccountJson.requisites(requisites))
                        .put("areas", areasJson(served));
                audit.record(c, caller, "provider.create", "provider:" + code, null, after, from);
                return after;
            });
        }, after -> RouteSupport.json(ctx, 201, after));
    }

    private void change(RoutingContext ctx) {
        Caller caller = requireAdministrator(ctx);
        String code = ctx.pathParam("code");
        JsonObject body = RouteSupport.body(ctx);
        String district = DeskFormFields.text(body, "district", 100, false);
        ProviderRequisites requisites = requisites(body);
        List<ServedArea> given = areas(body);
        String from = address(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            Provider before = accounts.providerByCode(code).orElseThrow(
                    () -> ApiException.because(ApiError.PROVIDER_NOT_FOUND, "code", "noProvider", code));
            return Transactions.inTransaction(dataSource, c -> {
                List<ServedArea> servedBefore = areas.of(c, before.id());
                changes.change(c, before.id(), district, requisites);
                // without a list the other areas stay; the home area follows the district
                List<ServedArea> others = given != null ? given
                        : servedBefore.subList(Math.min(1, servedBefore.size()), servedBefore.size());
                List<ServedArea> served = areas.replace(c, before.id(), others);
                JsonObject after = new JsonObject().put("district", district)
                        .put("requisites", AccountJson.requisites(requisites)).put("areas", areasJson(served));
                audit.record(c, caller, "provider.change", "provider:" + code, new JsonObject()
                        .put("district", before.district())
                        .put("requisites", AccountJson.requisites(before.requisites()))
                        .put("areas", areasJson(servedBefore)), after, from);
                return after.put("code", code);
            });
        }, after -> RouteSupport.json(ctx, 200, after));
    }

    /** The areas served besides the home one: [{"region": "...", "district": "..." or absent}], or null when not given. */
    private static List<ServedArea> areas(JsonObject body) {
        Object value = body.getValue("areas");
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array) || array.size() > 200) {
            throw ApiException.because(ApiError.INVALID_VALUE, "areas", "areasList", 200);
        }
        List<ServedArea> out = new ArrayList<>();
        for (Object item : array) {
            if (!(item instanceof JsonObject area)) {
                throw ApiException.because(ApiError.INVALID_VALUE, "areas", "eachArea");
            }
            out.add(new ServedArea(choice(Region.class, area, "region"), DeskFormFields.text(area, "district", 100, false)));
        }
        return out;
    }

    static JsonArray areasJson(List<ServedArea> served) {
        JsonArray out = new JsonArray();
        for (ServedArea a : served) {
            out.add(new JsonObject().put("region", a.region().name()).put("district", a.district()));
        }
        return out;
    }

    /** Name required; INN 9 digits, MFO 5, OKONH 5, settlement account 20, when given. */
    private static ProviderRequisites requisites(JsonObject body) {
        return new ProviderRequisites(DeskFormFields.text(body, "name", 200, true), DeskFormFields.text(body, "director", 200, false),
                DeskFormFields.text(body, "phone", 40, false), DeskFormFields.text(body, "address", 300, false),
                digits(body, "inn", 9), digits(body, "mfo", 5), digits(body, "okonh", 5),
                digits(body, "settlementAccount", 20));
    }

    private static String digits(JsonObject body, String field, int count) {
        String value = DeskFormFields.text(body, field, count, false);
        if (value != null && !value.matches("\\d{" + count + "}")) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "digits", field, count);
        }
        return value;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, JsonObject body, String field) {
        String value = DeskFormFields.text(body, field, 40, true);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.because(ApiError.UNKNOWN_VALUE, field, "no", field, value);
        }
    }

    private static Caller requireAdministrator(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        if (caller.role() != Role.ADMINISTRATOR) {
            throw ApiException.because(ApiError.FORBIDDEN, null, "providersAreKeptBy");
        }
        return caller;
    }

    private static String address(RoutingContext ctx) {
        return ClientAddress.of(ctx);
    }
}
