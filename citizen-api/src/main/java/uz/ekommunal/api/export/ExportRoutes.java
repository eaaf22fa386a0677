package uz.ekommunal.api.export;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import uz.ekommunal.api.accounts.AccountGuard;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.QueryParams;
import uz.ekommunal.api.readings.ReadingAccess;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.invoice.Invoice;
import uz.ekommunal.gateway.MeterReadings;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;

/**
 * A household's data to take elsewhere, signed in, only what the caller may read (households:
 * meters and accounts they linked; a meter or account of anyone else is answered as not found):
 * <ul>
 *   <li>{@code GET /api/v1/meters/{serial}/readings.csv?from=&to=}: every register's readings, at most
 *       {@value #MAX_READING_DAYS} days;</li>
 *   <li>{@code GET /api/v1/meters/{serial}/greenbutton.xml?from=&to=}: an electricity meter's interval
 *       data as Green Button ESPI XML ({@link GreenButtonXml}), at most {@value #MAX_READING_DAYS} days;</li>
 *   <li>{@code GET /api/v1/accounts/{id}/invoices.csv?from=&to=}: bills whose period starts in the range,
 *       at most {@value #MAX_BILL_DAYS} days.</li>
 * </ul>
 * {@code from}/{@code to} are dates (midnight in Tashkent) or ISO-8601 times; by default the last 30
 * days (bills: the last year). Written page by page as they are read ({@link Chunks}).
 */
public final class ExportRoutes {

    public static final int MAX_READING_DAYS = 366;
    public static final int MAX_BILL_DAYS = 3_660;
    private static final ZoneId ZONE = ZoneId.of("Asia/Tashkent");
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final ReadingAccess access;
    private final MeterRegistry meters;
    private final MeterReadings readings;
    private final AccountGuard guard;
    private final Billing billing;
    private final Clock clock;

    public ExportRoutes(Vertx vertx, Authenticate authenticate, ReadingAccess access, MeterRegistry meters,
            MeterReadings readings, AccountGuard guard, Billing billing, Clock clock) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.access = access;
        this.meters = meters;
        this.readings = readings;
        this.guard = guard;
        this.billing = billing;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/v1/meters/:serial/readings.csv").handler(authenticate).handler(this::readingsCsv);
        router.get("/api/v1/meters/:serial/greenbutton.xml").handler(authenticate).handler(this::greenButton);
        router.get("/api/v1/accounts/:id/invoices.csv").handler(authenticate).handler(this::invoicesCsv);
    }

    private record Range(Instant from, Instant to) {
    }

    private Range range(RoutingContext ctx, int defaultDays, int maxDays) {
        Instant tomorrow = LocalDate.now(clock.withZone(ZONE)).plusDays(1).atStartOfDay(ZONE).toInstant();
        Instant to = QueryParams.instant(ctx, "to", tomorrow, ZONE);
        Instant from = QueryParams.instant(ctx, "from", to.minus(Duration.ofDays(defaultDays)), ZONE);
        if (!from.isBefore(to)) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "from", "fromBefore");
        }
        long days = (Duration.between(from, to).toSeconds() + 86_399) / 86_400;
        if (days > maxDays) {
            throw ApiException.of(ApiError.EXPORT_RANGE_TOO_LONG, "from", days, maxDays);
        }
        return new Range(from, to);
    }

    private String serial(RoutingContext ctx) {
        String serial = ctx.pathParam("serial");
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "serial", "serialLettersDigits");
        }
        return serial;
    }

    /** The meter, if the caller may read it; else the same 404 as for no meter at all. */
    private Meter readable(Caller caller, String serial) throws Exception {
        if (!access.mayRead(caller, serial)) {
            throw ApiException.because(ApiError.METER_NOT_FOUND, "serial", "noMeterWithSerial", serial);
        }
        return meters.find(serial).orElseThrow(
                () -> ApiException.because(ApiError.METER_NOT_FOUND, "serial", "noMeterWithSerial", serial));
    }

    private void readingsCsv(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        String serial = serial(ctx);
        Range range = range(ctx, 30, MAX_READING_DAYS);
        RouteSupport.blocking(vertx, ctx, () -> readable(caller, serial), meter -> Chunks.stream(vertx, ctx.response(),
                "text/csv; charset=utf-8", "readings-" + serial + ".csv",
                new ReadingsCsv(serial, new ReadingPages(readings, serial, range.from(), range.to()))));
    }

    private void greenButton(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        String serial = serial(ctx);
        Range range = range(ctx, 30, MAX_READING_DAYS);
        RouteSupport.blocking(vertx, ctx, () -> {
            Meter meter = readable(caller, serial);
            if (!"electricity".equals(meter.utility())) {
                throw ApiException.of(ApiError.EXPORT_NOT_ELECTRICITY, "serial", serial);
            }
            return meter;
        }, meter -> Chunks.stream(vertx, ctx.response(), "application/atom+xml; charset=utf-8",
                "greenbutton-" + serial + ".xml", new GreenButtonXml(serial, range.from(), range.to(),
                        clock.instant(), new ReadingPages(readings, serial, range.from(), range.to()))));
    }

    private void invoicesCsv(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        Range range = range(ctx, 366, MAX_BILL_DAYS);
        Instant from = range.from();
        Instant to = range.to();
        RouteSupport.blocking(vertx, ctx, () -> {
            guard.visible(caller, id);
            List<Invoice> all = billing.invoices().forAccount(id);
            return all.stream().filter(i -> {
                Instant start = i.periodStart().atStartOfDay(ZONE).toInstant();
                return !start.isBefore(from) && start.isBefore(to);
            }).toList();
        }, bills -> Chunks.stream(vertx, ctx.response(), "text/csv; charset=utf-8", "bills-" + id + ".csv",
                new InvoicesCsv(bills)));
    }
}
