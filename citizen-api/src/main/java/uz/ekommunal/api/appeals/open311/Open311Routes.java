package uz.ekommunal.api.appeals.open311;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import uz.ekommunal.api.appeals.Actor;
import uz.ekommunal.api.appeals.Appeal;
import uz.ekommunal.api.appeals.AppealForm;
import uz.ekommunal.api.appeals.AppealQueries;
import uz.ekommunal.api.appeals.AppealService;
import uz.ekommunal.api.appeals.Category;
import uz.ekommunal.api.appeals.Kind;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.appeals.Status;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * Open311 GeoReport v2 over the appeals: services are the categories, a service request is an
 * appeal (its number is the {@code service_request_id}). Only appeals marked public are listed.
 * A request is personal (private) unless the client says {@code attribute[public]=true}, the
 * resident's choice the law gives; it needs a contact (phone or email) unless the operator allows
 * anonymous requests. {@code open} is sent, accepted or
 * forwarded; {@code closed} is answered, rejected or closed. Errors use the GeoReport error
 * format with the HTTP status as the code.
 */
public final class Open311Routes {

    private static final String BASE = "/open311/v2";
    private static final Set<Status> OPEN = EnumSet.of(Status.SENT, Status.ACCEPTED, Status.FORWARDED);
    private static final Set<Status> CLOSED = EnumSet.of(Status.ANSWERED, Status.REJECTED, Status.CLOSED);
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    private final Vertx vertx;
    private final DataSource dataSource;
    private final AppealService service;
    private final Set<String> keys;
    private final Clock clock;
    private final boolean anonymousAllowed;
    private final AppealQueries queries = new AppealQueries();

    public Open311Routes(Vertx vertx, DataSource dataSource, AppealService service, Set<String> keys, Clock clock) {
        this(vertx, dataSource, service, keys, false, clock);
    }

    /** @param anonymousAllowed whether a request may come without a phone or e-mail */
    public Open311Routes(Vertx vertx, DataSource dataSource, AppealService service, Set<String> keys,
            boolean anonymousAllowed, Clock clock) {
        this.vertx = vertx;
        this.dataSource = dataSource;
        this.service = service;
        this.keys = Set.copyOf(keys);
        this.anonymousAllowed = anonymousAllowed;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.routeWithRegex(BASE + "/.*").failureHandler(Open311Errors::handle);
        router.getWithRegex(BASE + "/services\\.(json|xml)").handler(this::services);
        router.getWithRegex(BASE + "/services/([^/]+)\\.(json|xml)").handler(this::definition);
        router.postWithRegex(BASE + "/requests\\.(json|xml)").handler(this::post);
        router.getWithRegex(BASE + "/requests\\.(json|xml)").handler(this::list);
        router.getWithRegex(BASE + "/requests/([^/]+)\\.(json|xml)").handler(this::one);
    }

    private void services(RoutingContext ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Category c : Category.values()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service_code", c.code());
            s.put("service_name", c.title());
            s.put("description", c.description());
            s.put("metadata", true);
            s.put("type", "realtime");
            s.put("keywords", c.code().replace('_', ' '));
            s.put("group", "Utility services");
            out.add(s);
        }
        Open311Output.send(ctx, 200, ctx.pathParam("param0"), "services", "service", out);
    }

    private void definition(RoutingContext ctx) {
        String code = ctx.pathParam("param0");
        Category.of(code).orElseThrow(() -> ApiException.because(ApiError.NOT_FOUND, "service_code",
                "noServiceWithService", code));
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("service_code", code);
        def.put("attributes", new Open311Output.Nested("attribute", Open311Attributes.all()));
        Open311Output.sendObject(ctx, ctx.pathParam("param1"), "service_definition", def);
    }

    private void post(RoutingContext ctx) {
        String format = ctx.pathParam("param0");
        MultiMap form = ctx.request().formAttributes();
        String key = form.get("api_key");
        if (key == null || key.isBlank()) {
            throw ApiException.because(ApiError.FORBIDDEN, "api_key", "apiKeyRequiredPost");
        }
        String code = value(form, "service_code");
        if (code == null) {
            throw ApiException.because(ApiError.MISSING_PARAMETER, "service_code", "serviceCodeRequired");
        }
        Category category = Category.of(code).orElseThrow(() -> ApiException.because(ApiError.UNKNOWN_VALUE,
                "service_code", "noServiceWithService", code));
        Double lat = coordinate(form, "lat", 90);
        Double lon = coordinate(form, "long", 180);
        String address = value(form, "address_string");
        if ((lat == null || lon == null) && address == null) {
            throw ApiException.because(ApiError.MISSING_PARAMETER, "location", "locationRequiredLatLong");
        }
        String phone = value(form, "phone");
        String email = AppealForm.email(value(form, "email"));
        if (phone == null && email == null && !anonymousAllowed) {
            throw ApiException.because(ApiError.MISSING_PARAMETER, "phone", "contactRequiredPhoneEmail");
        }
        boolean isPublic = Open311Attributes.isPublic(value(form, "attribute[public]"));
        Language language = Open311Attributes.language(value(form, "attribute[language]"));
        Kind kind = Open311Attributes.kind(value(form, "attribute[kind]"));
        String district = value(form, "attribute[district]");
        String description = value(form, "description");
        String mediaUrl = value(form, "media_url");
        if (mediaUrl != null && !mediaUrl.matches("https?://\\S{1,2000}")) {
            throw ApiException.because(ApiError.INVALID_VALUE, "media_url", "mediaUrlHttpS");
        }
        AppealForm appeal = new AppealForm(category, value(form, "attribute[region]"), district, null, null, null,
                null, phone == null ? null : phone.replaceAll("[^0-9+]", ""), kind, email == null ? null : "email",
                isPublic, description == null ? category.title() : firstLine(description), description, true, email,
                language);
        RouteSupport.blocking(vertx, ctx, () -> {
            String keyName = keyName(key);
            return service.fileOpen311(Actor.open311(keyName), appeal, lat, lon, address, mediaUrl,
                    Open311Attributes.encode(form));
        }, a -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("service_request_id", a.number());
            r.put("service_notice", "Answer due by " + a.dueOn() + " (" + a.organisationName() + ")");
            r.put("account_id", null);
            Open311Output.send(ctx, 201, format, "service_requests", "request", List.of(r));
        });
    }

    private void list(RoutingContext ctx) {
        String format = ctx.pathParam("param0");
        Set<String> ids = split(ctx.request().getParam("service_request_id"));
        AppealQueries.Filter filter;
        if (ids != null) {
            // the spec: with service_request_id, the other parameters are ignored
            filter = new AppealQueries.Filter(null, null, null, null, EnumSet.complementOf(EnumSet.of(Status.DRAFT)),
                    null, null, true, ids);
        } else {
            Instant end = time(ctx, "end_date");
            Instant start = time(ctx, "start_date");
            Instant to = end == null ? null : end;
            Instant from = start != null ? start : (end != null ? end : clock.instant()).minus(DEFAULT_WINDOW);
            filter = new AppealQueries.Filter(null, null, from, to, statuses(ctx), serviceCodes(ctx), null, true, null);
        }
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                return queries.search(c, filter, 1000, 0).items();
            }
        }, items -> Open311Output.send(ctx, 200, format, "service_requests", "request",
                items.stream().map(Open311Routes::request).toList()));
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("param0");
        String format = ctx.pathParam("param1");
        AppealQueries.Filter filter = new AppealQueries.Filter(null, null, null, null,
                EnumSet.complementOf(EnumSet.of(Status.DRAFT)), null, null, true, Set.of(id));
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                List<Appeal> found = queries.search(c, filter, 1, 0).items();
                if (found.isEmpty()) {
                    throw ApiException.because(ApiError.NOT_FOUND, "service_request_id", "noServiceRequest", id);
                }
                return found;
            }
        }, items -> Open311Output.send(ctx, 200, format, "service_requests", "request",
                items.stream().map(Open311Routes::request).toList()));
    }

    static Map<String, Object> request(Appeal a) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", a.number());
        r.put("status", CLOSED.contains(a.status()) ? "closed" : "open");
        r.put("status_notes", a.status() == Status.REJECTED ? a.rejectReason() : a.answer());
        r.put("service_name", a.category() == null ? null : a.category().title());
        r.put("service_code", a.category() == null ? null : a.category().code());
        r.put("description", a.form().text());
        r.put("agency_responsible", a.organisationName());
        r.put("service_notice", null);
        r.put("requested_datetime", zoned(a.sentAt()));
        r.put("updated_datetime", zoned(a.updatedAt()));
        r.put("expected_datetime", a.dueOn() == null || !OPEN.contains(a.status()) ? null
                : a.dueOn().atTime(23, 59, 59).atZone(uz.ekommunal.api.appeals.Deadlines.TASHKENT)
                        .toOffsetDateTime().toString());
        r.put("address", a.addressString() != null ? a.addressString() : address(a.form()));
        r.put("address_id", null);
        r.put("zipcode", null);
        r.put("lat", a.lat());
        r.put("long", a.lon());
        r.put("media_url", a.mediaUrl());
        return r;
    }

    /** ISO 8601 with the zone, in Tashkent's offset (+05:00). */
    static String zoned(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, uz.ekommunal.api.appeals.Deadlines.TASHKENT).toString();
    }

    private static String address(AppealForm f) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {f.region(), f.district()}) {
            if (part != null) {
                sb.append(sb.isEmpty() ? "" : ", ").append(part);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private String keyName(String key) throws SQLException {
        if (keys.contains(key)) {
            return "configured";
        }
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select name from appeals.open311_keys where key_sha256 = ?")) {
            s.setString(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
        }
        throw ApiException.because(ApiError.FORBIDDEN, "api_key", "invalidApiKey");
    }

    private static String value(MultiMap form, String name) {
        String v = form.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Double coordinate(MultiMap form, String name, double max) {
        String v = value(form, name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Math.abs(d) <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.because(ApiError.INVALID_PARAMETER, name, "numberFrom", name, max);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) : line;
    }

    private static Set<String> split(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static Instant time(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, name, "isoTimeWithZone", name);
        }
    }

    private static Set<Status> statuses(RoutingContext ctx) {
        Set<String> asked = split(ctx.request().getParam("status"));
        if (asked == null) {
            return null;
        }
        Set<Status> out = EnumSet.noneOf(Status.class);
        for (String s : asked) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "open" -> out.addAll(OPEN);
                case "closed" -> out.addAll(CLOSED);
                default -> throw ApiException.because(ApiError.INVALID_PARAMETER, "status", "statusOpenClosed");
            }
        }
        return out;
    }

    private static Set<Category> serviceCodes(RoutingContext ctx) {
        Set<String> asked = split(ctx.request().getParam("service_code"));
        if (asked == null) {
            return null;
        }
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (String s : asked) {
            out.add(Category.of(s).orElseThrow(() -> ApiException.because(ApiError.INVALID_PARAMETER, "service_code",
                    "noServiceWithService", s)));
        }
        return out;
    }
}
