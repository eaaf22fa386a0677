package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.invoice.Invoice;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.LineType;
import uz.ekommunal.billing.run.BillRuns;
import uz.ekommunal.billing.run.RunProgress;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.store.StoredReading;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.testing.Eventually;

/**
 * Time travel through the demo as a user starts it: the registry goes in through the import, the
 * meters send their history, and the month before "today" is billed at start. Each special case of
 * the demo (a heavy user in block 4, a needy family, an electric-stove flat, a rollover, a meter
 * replaced mid-month, a tariff change on the 16th, unmetered hot water and heating, garbage, the
 * Tashkent region metered and unmetered) is checked against a computation made here from the raw
 * stored readings and the published prices, not by the pricing engine; then every demo invoice is
 * reconciled (quantity x price = amount, totals, balances).
 */
class DemoTimeTravelIT {

    /** "Today" for the run: the demo bills November 2026, inside the heating season. */
    private static final Instant TODAY = Instant.parse("2026-12-04T09:14:00Z");
    private static final BillingPeriod NOVEMBER = BillingPeriod.of(YearMonth.of(2026, 11));
    private static final LocalDate CHANGE = LocalDate.of(2026, 11, 16);
    private static final Instant NEXT_MONTH_TODAY = Instant.parse("2027-01-04T09:14:00Z");
    private static final BillingPeriod DECEMBER = BillingPeriod.of(YearMonth.of(2026, 12));

    // The published prices (so'm, VAT included) the demo month is billed with: the tariff book's
    // sources (Cabinet resolution No. 204 of 2024 and later), and the demo's own cold-water change.
    private static final long[] ELECTRICITY_BOUNDS = {200, 500, 1000, 5000, 10000};
    private static final long[] ELECTRICITY_PRICES = {600, 800, 1000, 1500, 1750, 2000};
    private static final long NEEDY_ALLOWANCE = 150;
    private static final BigDecimal COLD_WATER_CITY = new BigDecimal("1400");
    private static final BigDecimal COLD_WATER_CITY_DEMO = new BigDecimal("1500");
    private static final BigDecimal SEWERAGE = new BigDecimal("1000");
    private static final BigDecimal COLD_WATER_REGION = new BigDecimal("2000");
    private static final BigDecimal HOT_WATER_PER_RESIDENT = new BigDecimal("52303.39");
    private static final BigDecimal HEATING_PER_M2 = new BigDecimal("241.44");
    private static final BigDecimal GARBAGE_PER_RESIDENT = new BigDecimal("8400");

    @TempDir
    Path dataDir;

    /** One expected line: what a person with a calculator writes down. */
    private record Line(String quantity, String price, String amount) {
        static Line of(BigDecimal quantity, BigDecimal price, boolean negative) {
            BigDecimal amount = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
            return new Line(plain(quantity), plain(price), plain(negative ? amount.negate() : amount));
        }

        static Line of(InvoiceLine l) {
            return new Line(plain(l.quantity()), plain(l.unitPrice()), plain(l.amount().amount()));
        }
    }

    @Test
    void everySpecialHouseholdOfTheDemoMonthIsBilledAsComputedFromItsRawReadingsAndThePublishedPrices()
            throws Exception {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), TODAY));
        try (Application app = Application.start(Settings.load(env()), Role.all(), clock)) {
            assertThat(app.billing().engine().duePeriod()).isEqualTo(NOVEMBER);
            // the month due is billed at start, as today: nobody opens a run
            List<RunProgress> runs = Eventually.await(Duration.ofMinutes(3), () -> app.billing().engine().runs().all(),
                    all -> all.size() == 6 && all.stream().allMatch(RunProgress::finished));
            assertThat(runs).extracting(RunProgress::periodStart).containsOnly(NOVEMBER.start());

            Raw raw = new Raw(app);
            // a heavy user, into the fourth block
            BigDecimal heavy = raw.used("E9000001", NOVEMBER.start(), NOVEMBER.end());
            assertThat(heavy).isGreaterThan(new BigDecimal("1000"));
            assertBilled(app, "1900001", electricity(heavy, false));
            // a needy family: the state pays for the units above the norm, up to 150 kWh
            BigDecimal needy = raw.used("E9000002", NOVEMBER.start(), NOVEMBER.end());
            assertThat(needy).isGreaterThan(new BigDecimal("350"));
            assertBilled(app, "1900002", electricity(needy, true));
            // a register that rolls over in the month
            assertThat(raw.boundary("E9000004", NOVEMBER.end())).isLessThan(raw.boundary("E9000004", NOVEMBER.start()));
            assertBilled(app, "1900004", electricity(raw.used("E9000004", NOVEMBER.start(), NOVEMBER.end()), false));
            // a water meter replaced on the 10th, and the tariff changed on the 16th
            BigDecimal beforeChange = raw.used("W9000005", NOVEMBER.start(), CHANGE)
                    .add(raw.used("W9000006", NOVEMBER.start(), CHANGE));
            BigDecimal afterChange = raw.used("W9000006", CHANGE, NOVEMBER.end());
            assertThat(raw.used("W9000005", NOVEMBER.start(), NOVEMBER.end())).isPositive();
            assertBilled(app, "190005", List.of(Line.of(beforeChange, COLD_WATER_CITY, false),
                    Line.of(afterChange, COLD_WATER_CITY_DEMO, false),
                    Line.of(beforeChange.add(afterChange), SEWERAGE, false)));
            // the Tashkent region (Zangiota): a metered house at the region's price
            BigDecimal region = raw.used("W9000007", NOVEMBER.start(), NOVEMBER.end());
            assertBilled(app, "290001", List.of(Line.of(region, COLD_WATER_REGION, false),
                    Line.of(region, SEWERAGE, false)));
            // unmetered hot water per resident (3), heating per m2 (62.50) in the heating season
            assertBilled(app, "19000000001", List.of(Line.of(new BigDecimal("3.000"), HOT_WATER_PER_RESIDENT, false),
                    Line.of(new BigDecimal("62.500"), HEATING_PER_M2, false)));
            // garbage per resident
            assertBilled(app, "YG900001", List.of(Line.of(new BigDecimal("6.000"), GARBAGE_PER_RESIDENT, false)));
            assertBilled(app, "YG900002", List.of(Line.of(new BigDecimal("5.000"), GARBAGE_PER_RESIDENT, false)));

            // never priced at another tariff: the electric-stove flat and the unmetered region house are listed
            Map<String, String> listed = new HashMap<>();
            for (RunProgress run : runs) {
                for (BillRuns.Unbilled u : app.billing().engine().runs().unbilled(run.runId())) {
                    listed.put(u.accountNumber(), u.reason().name());
                }
            }
            assertThat(listed).containsEntry("1900003", "NO_STOVE_PRICES").containsEntry("290002", "NO_NORM")
                    .hasSize(2);

            var report = app.billing().reconciliation().checkAll();
            assertThat(report.failures()).as("every demo invoice adds up").isEmpty();
            assertThat(report.invoices()).isGreaterThan(20);
        }

        // a month later the demo starts again on the same data: the meters send what they measured
        // meanwhile, and December is billed from where November closed
        Clock later = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NEXT_MONTH_TODAY));
        try (Application app = Application.start(Settings.load(env()), Role.all(), later)) {
            assertThat(app.billing().engine().duePeriod()).isEqualTo(DECEMBER);
            Eventually.await(Duration.ofMinutes(3), () -> app.billing().engine().runs().all(),
                    all -> all.stream().filter(r -> r.periodStart().equals(DECEMBER.start())).count() == 6
                            && all.stream().allMatch(RunProgress::finished));
            Raw raw = new Raw(app);
            // the whole month at the changed cold-water price, on the new meter only
            BigDecimal water = raw.used("W9000006", DECEMBER.start(), DECEMBER.end());
            assertBilled(app, "190005", DECEMBER, List.of(Line.of(water, COLD_WATER_CITY_DEMO, false),
                    Line.of(water, SEWERAGE, false)));
            assertBilled(app, "1900001", DECEMBER,
                    electricity(raw.used("E9000001", DECEMBER.start(), DECEMBER.end()), false));

            var report = app.billing().reconciliation().checkAll();
            assertThat(report.failures()).as("every demo invoice adds up, and November's closing readings open December")
                    .isEmpty();
            assertThat(report.continuations()).as("meters billed in both months").isGreaterThan(10);
        }
    }

    /** The account's lines of the month, as printed, against the expected ones; none estimated. */
    private static void assertBilled(Application app, String number, List<Line> expected) throws Exception {
        assertBilled(app, number, NOVEMBER, expected);
    }

    private static void assertBilled(Application app, String number, BillingPeriod period, List<Line> expected)
            throws Exception {
        var account = app.billing().accounts().findByNumber(number);
        assertThat(account).as(number).hasSize(1);
        Invoice invoice = app.billing().invoices().forAccount(account.get(0).id()).stream()
                .filter(i -> i.periodStart().equals(period.start())).findFirst().orElseThrow();
        List<InvoiceLine> lines = invoice.lines().stream().filter(l -> l.type() != LineType.CORRECTION).toList();
        assertThat(lines).extracting(Line::of).as(number).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(lines).as(number + ": every reading was read").noneMatch(InvoiceLine::estimated);
        BigDecimal total = expected.stream().map(l -> new BigDecimal(l.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(invoice.total().amount()).as(number).isEqualByComparingTo(total);
    }

    /** The electricity lines of a whole month: marginal blocks, and for a needy family the state's part. */
    private static List<Line> electricity(BigDecimal used, boolean needy) {
        List<Line> lines = new ArrayList<>();
        BigDecimal lower = BigDecimal.ZERO;
        for (int i = 0; i < ELECTRICITY_PRICES.length; i++) {
            BigDecimal upper = i < ELECTRICITY_BOUNDS.length ? BigDecimal.valueOf(ELECTRICITY_BOUNDS[i]) : null;
            BigDecimal top = upper == null || used.compareTo(upper) <= 0 ? used : upper;
            lines.add(Line.of(top.subtract(lower), BigDecimal.valueOf(ELECTRICITY_PRICES[i]), false));
            if (top.compareTo(used) == 0) {
                break;
            }
            lower = upper;
        }
        if (needy) {
            BigDecimal norm = BigDecimal.valueOf(ELECTRICITY_BOUNDS[0]);
            BigDecimal paid = used.min(norm.add(BigDecimal.valueOf(NEEDY_ALLOWANCE))).subtract(norm);
            if (paid.signum() > 0) { // within the second block (200..500 kWh)
                lines.add(Line.of(paid, BigDecimal.valueOf(ELECTRICITY_PRICES[1]), true));
            }
        }
        return lines;
    }

    /**
     * The raw stored readings, and boundary values from them as a regulator computes them: the
     * reading at the boundary instant (midnight in Tashkent), else the straight line between the
     * readings either side (across a rollover when the register wrapped), within the meter's
     * service life, cut down to the display's resolution (0.1 kWh, 0.001 m3).
     */
    private static final class Raw {
        private final Application app;

        Raw(Application app) {
            this.app = app;
        }

        BigDecimal used(String serial, LocalDate from, LocalDate to) throws Exception {
            BigDecimal used = boundary(serial, to).subtract(boundary(serial, from));
            return used.signum() < 0 ? used.add(modulus(serial)) : used;
        }

        BigDecimal boundary(String serial, LocalDate day) throws Exception {
            Meter meter = app.gateway().meters().find(serial).orElseThrow();
            Instant at = BillingTime.startOf(day);
            if (at.isBefore(meter.installedAt())) {
                at = meter.installedAt();
            }
            if (meter.replacedAt() != null && at.isAfter(meter.replacedAt())) {
                at = meter.replacedAt();
            }
            List<StoredReading> readings = app.gateway().store().forMeter(meter.id(), at.minus(Duration.ofDays(1)),
                    at.plus(Duration.ofDays(1)), 10_000);
            StoredReading before = null;
            StoredReading after = null;
            for (StoredReading r : readings) {
                if (!r.time().isAfter(at)) {
                    before = r;
                } else if (after == null) {
                    after = r;
                }
            }
            assertThat(before).as(serial + " read before " + at).isNotNull();
            BigDecimal value = before.value();
            if (!before.time().equals(at)) {
                assertThat(after).as(serial + " read after " + at).isNotNull();
                BigDecimal step = after.value().subtract(before.value());
                if (step.signum() < 0) {
                    step = step.add(modulus(serial));
                }
                BigDecimal share = BigDecimal.valueOf(Duration.between(before.time(), at).toMillis()).divide(
                        BigDecimal.valueOf(Duration.between(before.time(), after.time()).toMillis()), MathContext.DECIMAL128);
                value = value.add(step.multiply(share)).remainder(modulus(serial));
            }
            BigDecimal resolution = serial.startsWith("E") ? new BigDecimal("0.1") : new BigDecimal("0.001");
            return value.divide(resolution, 0, RoundingMode.DOWN).multiply(resolution);
        }

        private BigDecimal modulus(String serial) throws Exception {
            return BigDecimal.TEN.pow(app.gateway().meters().find(serial).orElseThrow().registerDigits());
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private Map<String, String> env() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("EKOMMUNAL_DATA_DIR", dataDir.toString());
        env.put("EKOMMUNAL_JWT_SECRET", "a-test-secret-of-at-least-thirty-two-characters");
        env.put("EKOMMUNAL_EMBEDDED_DB_PORT", String.valueOf(freePort()));
        env.put("EKOMMUNAL_HTTP_PORT", "0");
        env.put("EKOMMUNAL_METRICS_PORT", "0");
        env.put("EKOMMUNAL_MQTT_PORT", "0");
        env.put("EKOMMUNAL_MQTT_HOST", "127.0.0.1");
        env.put("EKOMMUNAL_HTTP_HOST", "127.0.0.1");
        env.put("EKOMMUNAL_COAP_HOST", "127.0.0.1");
        env.put("EKOMMUNAL_COAP_PORT", "0");
        env.put("EKOMMUNAL_COAPS_PORT", "0");
        env.put("EKOMMUNAL_DEMO_CITY", "4");
        return env;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
