package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import javax.sql.DataSource;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.registry.ImportProblem;
import uz.ekommunal.billing.registry.ImportReport;
import uz.ekommunal.billing.registry.RegistryExport;
import uz.ekommunal.billing.registry.RegistryImport;
import uz.ekommunal.gateway.meter.MeterRegistry;

/**
 * The customer registry as files over HTTP:
 * <ul>
 *   <li>{@code POST /api/v1/admin/registry/accounts?dry_run=true} (administrators): the body is a
 *       registry CSV (the CLI's {@code import accounts} layout, up to the API's body limit; larger
 *       files go through the CLI); answers the report with every refused row;
 *   <li>{@code GET /api/v1/operator/registry/accounts.csv[?provider=CODE]}: the export, an operator's
 *       own provider, an administrator's all (or one).
 * </ul>
 */
public final class RegistryRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final Accounts accounts;
    private final RegistryImport importer;
    private final RegistryExport export;
    private final AuditLog audit;

    public RegistryRoutes(Vertx vertx, Authenticate authenticate, DataSource dataSource, Accounts accounts,
            MeterRegistry meters, AuditLog audit, Clock clock) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.accounts = accounts;
        this.importer = new RegistryImport(dataSource, accounts, meters, clock);
        this.export = new RegistryExport(dataSource);
        this.audit = audit;
    }

    public void mount(Router router) {
        router.post("/api/v1/admin/registry/accounts").handler(authenticate).handler(this::importAccounts);
        router.get("/api/v1/operator/registry/accounts.csv").handler(authenticate).handler(this::exportAccounts);
    }

    private void importAccounts(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        if (caller.role() != Role.ADMINISTRATOR) {
            throw ApiException.because(ApiError.FORBIDDEN, null, "registryImportsAreAdministrators");
        }
        boolean dryRun = dryRun(ctx.request().getParam("dry_run"));
        String csv = ctx.body() == null ? null : ctx.body().asString();
        if (csv == null || csv.isBlank()) {
            throw ApiException.because(ApiError.MISSING_VALUE, "body", "bodyRegistryCsvFile");
        }
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> importer.run(new StringReader(csv), dryRun, RegistryImport.Progress.NONE,
                (c, report) -> audit.record(c, caller, "registry.import", "registry:accounts", null,
                        counts(report), address)), report -> RouteSupport.json(ctx, 200, json(report)));
    }

    private void exportAccounts(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long scope = DeskAccess.scope(caller);
        String code = ctx.request().getParam("provider");
        RouteSupport.blocking(vertx, ctx, () -> {
            Long providerId = scope;
            if (code != null && !code.isBlank()) {
                Provider provider = accounts.providerByCode(code.strip()).orElse(null);
                if (provider == null || (scope != null && provider.id() != scope)) {
                    throw ApiException.because(ApiError.PROVIDER_NOT_FOUND, "provider", "noProvider", code.strip());
                }
                providerId = provider.id();
            }
            StringWriter out = new StringWriter();
            export.write(out, providerId);
            return out.toString();
        }, csv -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"accounts.csv\"")
                .putHeader("Cache-Control", "no-store").end(csv));
    }

    private static boolean dryRun(String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.because(ApiError.INVALID_PARAMETER, "dry_run", "dryRunTrueFalse");
    }

    private static JsonObject counts(ImportReport r) {
        return new JsonObject().put("dryRun", r.dryRun()).put("rows", r.rows()).put("accepted", r.accepted())
                .put("refused", r.rows() - r.accepted()).put("accountsOpened", r.accountsOpened())
                .put("holderChanges", r.holderChanges()).put("factsRecorded", r.factsRecorded())
                .put("servicesAdded", r.servicesAdded()).put("metersLinked", r.metersLinked());
    }

    private static JsonObject json(ImportReport r) {
        JsonArray problems = new JsonArray();
        for (ImportProblem p : r.problems()) {
            problems.add(new JsonObject().put("line", p.line()).put("field", p.field()).put("code", p.code().name())
                    .put("reason", p.reason()));
        }
        return counts(r).put("summary", r.summary()).put("problems", problems);
    }
}
