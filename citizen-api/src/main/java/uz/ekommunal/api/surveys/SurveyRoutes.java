package uz.ekommunal.api.surveys;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.api.accounts.LinkedAccounts;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.api.http.Languages;
import uz.ekommunal.billing.account.Accounts;

/**
 * Surveys (so'rovnomalar):
 * <ul>
 *   <li>{@code POST /api/v1/surveys}: administrators publish for everyone or one provider's households
 *       ({@code providerId}); operators for their own provider's only;</li>
 *   <li>{@code GET /api/v1/surveys}: households the surveys that ask them (with {@code answered}); staff
 *       the ones they may read the results of;</li>
 *   <li>{@code GET /api/v1/surveys/{id}}, {@code POST /api/v1/surveys/{id}/responses}: a household answers
 *       once while it is open (409 code 8742 after);</li>
 *   <li>{@code GET /api/v1/surveys/{id}/results} and {@code results.csv}: the publisher's counts and
 *       percentages;</li>
 *   <li>{@code GET /api/v1/public/surveys/{id}/results}: anyone, once closed, when published with
 *       {@code publicResults}.</li>
 * </ul>
 */
public final class SurveyRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final SurveyStore store;
    private final LinkedAccounts links;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    public SurveyRoutes(Vertx vertx, Authenticate authenticate, SurveyStore store, LinkedAccounts links,
            Accounts accounts, AuditLog audit, Clock clock) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.store = store;
        this.links = links;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.post("/api/v1/surveys").handler(authenticate).handler(this::publish);
        router.get("/api/v1/surveys").handler(authenticate).handler(this::list);
        router.get("/api/v1/surveys/:id").handler(authenticate).handler(this::show);
        router.post("/api/v1/surveys/:id/responses").handler(authenticate).handler(this::answer);
        router.get("/api/v1/surveys/:id/results").handler(authenticate).handler(ctx -> results(ctx, false));
        router.get("/api/v1/surveys/:id/results.csv").handler(authenticate).handler(ctx -> results(ctx, true));
        router.get("/api/v1/public/surveys/:id/results").handler(this::publicResults);
    }

    private void publish(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        JsonObject body = RouteSupport.body(ctx);
        Long providerId = body.getValue("providerId") instanceof Number n ? n.longValue() : null;
        if (caller.role() == Role.OPERATOR) {
            if (providerId != null && !providerId.equals(caller.providerId())) {
                throw ApiException.because(ApiError.INVALID_VALUE, "providerId", "surveyProvider");
            }
            providerId = caller.providerId();
        } else if (caller.role() != Role.ADMINISTRATOR) {
            throw ApiException.of(ApiError.OPERATOR_ONLY, null);
        }
        Survey survey = SurveyForm.survey(body, providerId, caller.userId());
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            long id = store.create(survey, clock.instant());
            Survey created = store.find(id).orElseThrow();
            JsonObject json = SurveyJson.survey(created, clock.instant(), Languages.of(ctx));
            audit.record(caller, "SURVEY_PUBLISHED", "survey:" + id, null, json, address);
            return json;
        }, json -> RouteSupport.json(ctx, 201, json));
    }

    private void list(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            List<Survey> surveys = switch (caller.role()) {
                case ADMINISTRATOR -> store.list(null);
                case OPERATOR -> store.list(List.of(caller.providerId())).stream()
                        .filter(s -> caller.providerId().equals(s.providerId())).toList();
                case HOUSEHOLD -> store.list(providersOf(caller.userId()));
                default -> List.<Survey>of();
            };
            JsonArray items = new JsonArray();
            for (Survey s : surveys) {
                JsonObject json = SurveyJson.survey(s, clock.instant(), Languages.of(ctx));
                if (caller.role() == Role.HOUSEHOLD) {
                    json.put("answered", store.answered(s.id(), caller.userId()));
                }
                items.add(json);
            }
            return new JsonObject().put("items", items);
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    private void show(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.SURVEY_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> {
            Survey s = visible(caller, id);
            JsonObject json = SurveyJson.survey(s, clock.instant(), Languages.of(ctx));
            if (caller.role() == Role.HOUSEHOLD) {
                json.put("answered", store.answered(id, caller.userId()));
            }
            return json;
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    private void answer(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.SURVEY_NOT_FOUND);
        if (caller.role() != Role.HOUSEHOLD) {
            throw ApiException.of(ApiError.FORBIDDEN, null);
        }
        List<Answer> answers = SurveyForm.answers(RouteSupport.body(ctx));
        RouteSupport.blocking(vertx, ctx, () -> {
            Survey s = visible(caller, id);
            if (!s.openAt(clock.instant())) {
                throw ApiException.of(ApiError.SURVEY_NOT_OPEN, null, s.opensAt().toString(), s.closesAt().toString());
            }
            var checked = SurveyRules.check(s, answers);
            if (!store.respond(id, caller.userId(), new ArrayList<>(checked.values()), clock.instant())) {
                throw ApiException.of(ApiError.SURVEY_ALREADY_ANSWERED, null);
            }
            return new JsonObject().put("survey", id).put("answered", true);
        }, body -> RouteSupport.json(ctx, 201, body));
    }

    private void results(RoutingContext ctx, boolean csv) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.SURVEY_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> {
            Survey s = store.find(id).orElseThrow(() -> ApiException.of(ApiError.SURVEY_NOT_FOUND, "id", id));
            boolean publisher = caller.role() == Role.ADMINISTRATOR
                    || caller.role() == Role.OPERATOR && caller.providerId().equals(s.providerId());
            if (!publisher) {
                throw ApiException.of(ApiError.SURVEY_NOT_FOUND, "id", id);
            }
            return store.results(s);
        }, r -> {
            if (csv) {
                ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"survey-" + id + ".csv\"")
                        .putHeader("Cache-Control", "no-store").end(SurveyJson.csv(r, Languages.of(ctx)));
            } else {
                RouteSupport.json(ctx, 200, SurveyJson.results(r, Languages.of(ctx)));
            }
        });
    }

    private void publicResults(RoutingContext ctx) {
        long id = RouteSupport.id(ctx, "id", ApiError.SURVEY_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> {
            Survey s = store.find(id).orElseThrow(() -> ApiException.of(ApiError.SURVEY_NOT_FOUND, "id", id));
            if (!s.publicResults() || !s.closedAt(clock.instant())) {
                throw ApiException.of(ApiError.SURVEY_RESULTS_HIDDEN, "id");
            }
            return SurveyJson.results(store.results(s), Languages.of(ctx));
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    /** The survey if it asks this caller (households) or this caller may publish such (staff); else not found. */
    private Survey visible(Caller caller, long id) throws Exception {
        Survey s = store.find(id).orElseThrow(() -> ApiException.of(ApiError.SURVEY_NOT_FOUND, "id", id));
        boolean may = switch (caller.role()) {
            case ADMINISTRATOR -> true;
            case OPERATOR -> caller.providerId().equals(s.providerId());
            case HOUSEHOLD -> s.providerId() == null || providersOf(caller.userId()).contains(s.providerId());
            default -> false;
        };
        if (!may) {
            throw ApiException.of(ApiError.SURVEY_NOT_FOUND, "id", id);
        }
        return s;
    }

    private List<Long> providersOf(long userId) throws Exception {
        List<Long> providers = new ArrayList<>();
        for (long accountId : links.accountIds(userId, null, LinkedAccounts.MAX_PER_USER)) {
            long provider = accounts.account(accountId).providerId();
            if (!providers.contains(provider)) {
                providers.add(provider);
            }
        }
        return providers;
    }
}
