package uz.ekommunal.api.readings;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import uz.ekommunal.api.appeals.FileType;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.QueryParams;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.reading.Register;

/**
 * A photo of the meter's display with a reading a household submitted by hand, for the operators who
 * review it. {@code PUT /api/v1/meters/{serial}/readings/photo?time=&register=}: the household that
 * submitted that reading attaches it (the raw image as the body: JPEG, PNG or WebP, recognised by its
 * bytes, at most {@value ReadingPhotos#MAX_BYTES} bytes); {@code GET} the same path: the image, and
 * {@code GET /api/v1/meters/{serial}/readings/photos}: the meter's photos, for whoever may read the
 * meter (its households, its provider's operators, administrators). Anyone else is answered as if
 * there were no such meter.
 */
public final class ReadingPhotoRoutes {

    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final ReadingAccess access;
    private final MeterRegistry meters;
    private final ReadingPhotos photos;
    private final Clock clock;

    public ReadingPhotoRoutes(Vertx vertx, Authenticate authenticate, ReadingAccess access, MeterRegistry meters,
            ReadingPhotos photos, Clock clock) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.access = access;
        this.meters = meters;
        this.photos = photos;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.put("/api/v1/meters/:serial/readings/photo").handler(authenticate).handler(this::attach);
        router.get("/api/v1/meters/:serial/readings/photo").handler(authenticate).handler(this::fetch);
        router.get("/api/v1/meters/:serial/readings/photos").handler(authenticate).handler(this::list);
    }

    private void attach(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        if (caller.role() != Role.HOUSEHOLD) {
            throw ApiException.because(ApiError.FORBIDDEN, null, "householdsAttachPhotos");
        }
        String serial = serial(ctx);
        Instant time = time(ctx);
        String obis = ctx.request().getParam("register");
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.because(ApiError.MISSING_VALUE, "body", "photoIsBody");
        }
        if (body.length() > ReadingPhotos.MAX_BYTES) {
            throw ApiException.because(ApiError.READING_PHOTO_TOO_LARGE, "body", "photoAtMost",
                    ReadingPhotos.MAX_BYTES / 1024, body.length() / 1024);
        }
        byte[] content = body.getBytes();
        FileType type = FileType.sniff(content).filter(t -> t == FileType.JPEG || t == FileType.PNG
                || t == FileType.WEBP).orElseThrow(() -> ApiException.because(ApiError.READING_PHOTO_TYPE, "body", "jpegPngWebp"));
        RouteSupport.blocking(vertx, ctx, () -> {
            Meter meter = readable(caller, serial);
            Register register = register(obis, meter);
            if (!photos.submittedBy(meter.id(), register.obis(), time, caller.userId())) {
                throw ApiException.because(ApiError.READING_NOT_YOURS, "time",
                        "noReadingYouSubmitted", serial, time);
            }
            return json(serial, photos.keep(meter.id(), register.obis(), time, caller.userId(), type, content,
                    clock.instant()));
        }, answer -> RouteSupport.json(ctx, 201, answer));
    }

    private void fetch(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        String serial = serial(ctx);
        Instant time = time(ctx);
        String obis = ctx.request().getParam("register");
        RouteSupport.blocking(vertx, ctx, () -> {
            Meter meter = readable(caller, serial);
            return photos.find(meter.id(), register(obis, meter).obis(), time).orElseThrow(() -> ApiException.because(
                    ApiError.READING_PHOTO_NOT_FOUND, "time", "noPhotoWithReading", serial, time));
        }, photo -> ctx.response().setStatusCode(200)
                // the bytes are an image we recognised; never let a browser guess or run anything else
                .putHeader("Content-Type", FileType.byMediaType(photo.info().mediaType()).servedType())
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
                .putHeader("Content-Disposition", "inline")
                .putHeader("Cache-Control", "private, no-store")
                .end(Buffer.buffer(photo.content())));
    }

    private void list(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        String serial = serial(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            Meter meter = readable(caller, serial);
            JsonArray items = new JsonArray();
            for (ReadingPhotos.Info info : photos.list(meter.id())) {
                items.add(json(serial, info));
            }
            return new JsonObject().put("items", items);
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    /** The meter, if the caller may read it; else 404 as for a meter that does not exist. */
    private Meter readable(Caller caller, String serial) throws Exception {
        Meter meter = access.mayRead(caller, serial) ? meters.find(serial).orElse(null) : null;
        if (meter == null) {
            throw ApiException.because(ApiError.METER_NOT_FOUND, "serial", "noMeterAmongYours", serial);
        }
        return meter;
    }

    private static JsonObject json(String serial, ReadingPhotos.Info info) {
        return new JsonObject().put("serial", serial).put("register", info.register())
                .put("time", info.time().toString()).put("mediaType", info.mediaType()).put("bytes", info.bytes())
                .put("uploadedAt", info.uploadedAt().toString())
                .put("url", ReadingPhotos.url(serial, info.register(), info.time()));
    }

    private static String serial(RoutingContext ctx) {
        String serial = ctx.pathParam("serial");
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "serial", "serialLettersDigits");
        }
        return serial;
    }

    private static Instant time(RoutingContext ctx) {
        Instant time = QueryParams.instant(ctx, "time", null, BillingTime.ZONE);
        if (time == null) {
            throw ApiException.because(ApiError.MISSING_PARAMETER, "time", "readingTime");
        }
        return time;
    }

    private static Register register(String obis, Meter meter) {
        if (obis == null || obis.isBlank()) {
            return Register.mainOf(meter.utility()).orElseThrow(() -> ApiException.because(ApiError.INVALID_PARAMETER, "register", "sayWhichRegister"));
        }
        return Register.byObis(obis).orElseThrow(() -> ApiException.because(ApiError.INVALID_PARAMETER, "register", "noRegister", obis));
    }
}
