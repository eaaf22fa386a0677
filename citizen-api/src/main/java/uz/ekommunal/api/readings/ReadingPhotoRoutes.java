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
import uz.ekommunal.api.auth.Requests;
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
        Caller caller = Requests.caller(ctx);
        if (caller.role() != Role.HOUSEHOLD) {
            throw new ApiException(ApiError.FORBIDDEN, null, "Households attach photos to the readings they submit");
        }
        String serial = serial(ctx);
        Instant time = time(ctx);
        String obis = ctx.request().getParam("register");
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw new ApiException(ApiError.MISSING_VALUE, "body", "the photo is the request's body");
        }
        if (body.length() > ReadingPhotos.MAX_BYTES) {
            throw new ApiException(ApiError.READING_PHOTO_TOO_LARGE, "body", "a photo is at most "
                    + ReadingPhotos.MAX_BYTES / 1024 + " KiB; this one is " + body.length() / 1024 + " KiB");
        }
        byte[] content = body.getBytes();
        FileType type = FileType.sniff(content).filter(t -> t == FileType.JPEG || t == FileType.PNG
                || t == FileType.WEBP).orElseThrow(() -> new ApiException(ApiError.READING_PHOTO_TYPE, "body",
                        "a photo is a JPEG, PNG or WebP image"));
        Requests.blocking(vertx, ctx, () -> {
            Meter meter = readable(caller, serial);
            Register register = register(obis, meter);
            if (!photos.submittedBy(meter.id(), register.obis(), time, caller.userId())) {
                throw new ApiException(ApiError.READING_NOT_YOURS, "time",
                        "No reading you submitted for meter " + serial + " at " + time);
            }
            return json(serial, photos.keep(meter.id(), register.obis(), time, caller.userId(), type, content,
                    clock.instant()));
        }, answer -> Requests.json(ctx, 201, answer));
    }

    private void fetch(RoutingContext ctx) {
        Caller caller = Requests.caller(ctx);
        String serial = serial(ctx);
        Instant time = time(ctx);
        String obis = ctx.request().getParam("register");
        Requests.blocking(vertx, ctx, () -> {
            Meter meter = readable(caller, serial);
            return photos.find(meter.id(), register(obis, meter).obis(), time).orElseThrow(() -> new ApiException(
                    ApiError.READING_PHOTO_NOT_FOUND, "time", "No photo with the reading of " + serial + " at " + time));
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
        Caller caller = Requests.caller(ctx);
        String serial = serial(ctx);
        Requests.blocking(vertx, ctx, () -> {
            Meter meter = readable(caller, serial);
            JsonArray items = new JsonArray();
            for (ReadingPhotos.Info info : photos.list(meter.id())) {
                items.add(json(serial, info));
            }
            return new JsonObject().put("items", items);
        }, body -> Requests.json(ctx, 200, body));
    }

    /** The meter, if the caller may read it; else 404 as for a meter that does not exist. */
    private Meter readable(Caller caller, String serial) throws Exception {
        Meter meter = access.mayRead(caller, serial) ? meters.find(serial).orElse(null) : null;
        if (meter == null) {
            throw new ApiException(ApiError.METER_NOT_FOUND, "serial", "No meter with serial " + serial + " among yours");
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
            throw new ApiException(ApiError.INVALID_PARAMETER, "serial", "a serial is 1 to 40 letters, digits, '_' or '-'");
        }
        return serial;
    }

    private static Instant time(RoutingContext ctx) {
        Instant time = QueryParams.instant(ctx, "time", null, BillingTime.ZONE);
        if (time == null) {
            throw new ApiException(ApiError.MISSING_PARAMETER, "time", "time is the reading's time, e.g. 2026-01-15T06:00:00Z");
        }
        return time;
    }

    private static Register register(String obis, Meter meter) {
        if (obis == null || obis.isBlank()) {
            return Register.mainOf(meter.utility()).orElseThrow(() -> new ApiException(ApiError.INVALID_PARAMETER,
                    "register", "say which register: the meter has no main one"));
        }
        return Register.byObis(obis).orElseThrow(() -> new ApiException(ApiError.INVALID_PARAMETER, "register",
                "no register " + obis));
    }
}
