package uz.ekommunal.api.readings;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.Messages;
import uz.ekommunal.api.operator.DeskAccess;
import uz.ekommunal.api.operator.MeterScope;
import uz.ekommunal.gateway.ingest.HandReadings;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.vee.QualityFlag;

/**
 * Readings taken by hand off a meter with no data link. {@code POST /api/v1/meters/{serial}/readings}:
 * a household, for a meter of an account it linked; {@code POST /api/v1/operator/meters/{serial}/readings}:
 * an operator's inspection reading, for its provider's meters (it overrides a household's reading for
 * the same time). Body {@code {"value", "time"?, "register"?}}; time defaults to now. Validated like a
 * meter's own reading ({@link HandReadings}): a decrease or an implausible rise is refused with a 422
 * that says which, and nothing is stored. A meter the caller may not read is answered as one that
 * does not exist.
 */
public final class HandReadingRoutes {

    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    /** How far ahead of now a hand-entered time may be (a phone's clock a little fast). */
    private static final Duration FUTURE_ALLOWANCE = Duration.ofMinutes(5);

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final ReadingAccess access;
    private final MeterScope scope;
    private final MeterRegistry meters;
    private final HandReadings hand;
    private final Clock clock;

    public HandReadingRoutes(Vertx vertx, Authenticate authenticate, ReadingAccess access, MeterScope scope,
            MeterRegistry meters, HandReadings hand, Clock clock) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.access = access;
        this.scope = scope;
        this.meters = meters;
        this.hand = hand;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.post("/api/v1/meters/:serial/readings").handler(authenticate).handler(this::household);
        router.post("/api/v1/operator/meters/:serial/readings").handler(authenticate).handler(this::inspection);
    }

    private void household(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        if (caller.role() != Role.HOUSEHOLD) {
            throw ApiException.because(ApiError.FORBIDDEN, null, "householdsSubmitTheirReadings");
        }
        submit(ctx, Protocol.HOUSEHOLD, "household:user:" + caller.userId(), serial -> access.mayRead(caller, serial));
    }

    private void inspection(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long provider = DeskAccess.scope(caller);
        submit(ctx, Protocol.INSPECTION, "inspection:user:" + caller.userId(),
                serial -> provider == null || scope.visible(provider, serial));
    }

    private interface Permission {
        boolean allows(String serial) throws Exception;
    }

    private void submit(RoutingContext ctx, Protocol protocol, String submittedBy, Permission permission) {
        String serial = ctx.pathParam("serial");
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "serial", "serialLettersDigits");
        }
        JsonObject body = RouteSupport.body(ctx);
        BigDecimal value = value(body);
        Instant now = clock.instant();
        Instant time = time(body, now);
        String obis = RouteSupport.text(body, "register", 20, false);
        RouteSupport.blocking(vertx, ctx, () -> {
            Meter meter = permission.allows(serial) ? meters.find(serial).orElse(null) : null;
            if (meter == null) {
                throw ApiException.because(ApiError.METER_NOT_FOUND, "serial", "noMeterWithSerial", serial);
            }
            Register register = register(obis, meter);
            HandReadings.Result result = hand.submit(
                    new MeterReading(serial, register, time, value, protocol, now), submittedBy);
            return answer(result, meter, register, time, value);
        }, answer -> RouteSupport.json(ctx, answer.getString("status").equals("held") ? 202 : 201, answer));
    }

    private static JsonObject answer(HandReadings.Result result, Meter meter, Register register, Instant time,
            BigDecimal value) {
        switch (result.status()) {
            case UNKNOWN_METER -> throw ApiException.because(ApiError.METER_NOT_FOUND, "serial", "noMeterWithSerial",
                    meter.serial());
            case CONFLICT -> throw ApiException.because(ApiError.READING_CONFLICT, "time", "readingAlreadyStored",
                    result.storedValue().toPlainString(), time);
            case REFUSED -> throw refusal(result, meter, value);
            default -> {
                JsonArray flags = new JsonArray();
                result.flags().forEach(f -> flags.add(f.name().toLowerCase()));
                return new JsonObject().put("serial", meter.serial()).put("register", register.obis())
                        .put("time", time.toString()).put("value", result.storedValue().toPlainString())
                        .put("unit", register.unit()).put("flags", flags)
                        .put("status", result.status() == HandReadings.Status.HELD ? "held" : "stored");
            }
        }
    }

    /** Why validation refused it, in words a household understands. */
    private static ApiException refusal(HandReadings.Result result, Meter meter, BigDecimal value) {
        if (result.flags().contains(QualityFlag.DECREASE)) {
            return ApiException.because(ApiError.READING_REFUSED, "value", "decrease", value.toPlainString(),
                    meter.serial());
        }
        if (result.flags().contains(QualityFlag.SPIKE)) {
            return ApiException.because(ApiError.READING_REFUSED, "value", "spike", value.toPlainString(),
                    Messages.utility(meter.utility().toUpperCase(java.util.Locale.ROOT)));
        }
        return ApiException.because(ApiError.READING_REFUSED, "value", "ahead");
    }

    private static BigDecimal value(JsonObject body) {
        Object raw = body.getValue("value");
        if (raw == null) {
            throw ApiException.because(ApiError.MISSING_VALUE, "value", "valueRequiredNumberMeter");
        }
        BigDecimal value = null;
        if (raw instanceof Number || raw instanceof String) {
            try {
                value = new BigDecimal(raw.toString().strip());
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        if (value == null || value.signum() < 0 || value.precision() > 20 || value.scale() > 6) {
            throw ApiException.because(ApiError.INVALID_VALUE, "value", "valueNumberMeterShows");
        }
        return value;
    }

    private Instant time(JsonObject body, Instant now) {
        String text = RouteSupport.text(body, "time", 40, false);
        if (text == null) {
            return now;
        }
        Instant time;
        try {
            time = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, "time", "timeIsoTimeT");
        }
        if (time.isAfter(now.plus(FUTURE_ALLOWANCE))) {
            throw ApiException.because(ApiError.INVALID_VALUE, "time", "timeNotFuture");
        }
        return time;
    }

    private static Register register(String obis, Meter meter) {
        if (obis == null) {
            return Register.mainOf(meter.utility()).orElseThrow(() -> ApiException.because(ApiError.MISSING_VALUE,
                    "register", "registerRequiredMeter", meter.utility()));
        }
        return Register.byObis(obis).orElseThrow(() -> ApiException.because(ApiError.UNKNOWN_VALUE, "register",
                "registerKnownObisCode"));
    }
}
