package uz.ekommunal.app.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.tariffs.TariffBookStore;
import uz.ekommunal.gateway.ingest.IngestResult;
import uz.ekommunal.gateway.ingest.ReadingIngest;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.ReadingQueries;
import uz.ekommunal.tariff.TariffBookCsv;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.TariffVersion;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * The meters of the demo's special households ({@code seed/demo-accounts.csv}): a heavy user, a
 * needy family, an electric-stove flat, a register that rolls over in the month, a water meter
 * replaced on the 10th, and a metered house in the Tashkent region. Their registers follow a fixed
 * daily shape (a reading every {@link #STEP}, {@link #PHASE} after the history's start, so the
 * month's boundaries fall between readings), so every start sends the same values.
 */
final class DemoCases {

    static final Duration STEP = Duration.ofHours(3);
    static final Duration PHASE = Duration.ofMinutes(40);
    /** Use in each 3-hour slot of a day, in multiples of a meter's unit: 40 units a day. */
    private static final int[] SHAPE = {2, 1, 3, 8, 6, 5, 10, 5};
    private static final int DAY_UNITS = 40;
    static final String CHANGED_TARIFF = "COLD_WATER-TASHKENT_CITY";
    static final String CHANGED_PRICE = "1500";

    /**
     * A scripted meter: {@code unit} per shape point, from {@code initial} at its first reading.
     *
     * @param digits register digits (it rolls over at 10^digits)
     */
    record Scripted(String serial, String utility, String account, int digits, BigDecimal initial, BigDecimal unit) {

        Register register() {
            return Register.mainOf(utility).orElseThrow();
        }
    }

    static final List<Scripted> METERS = List.of(
            new Scripted("E9000001", "electricity", "1900001", 6, new BigDecimal("48210.00"), new BigDecimal("1.40")),
            new Scripted("E9000002", "electricity", "1900002", 6, new BigDecimal("7315.50"), new BigDecimal("0.30")),
            new Scripted("E9000003", "electricity", "1900003", 6, new BigDecimal("2120.00"), new BigDecimal("0.25")),
            new Scripted("E9000004", "electricity", "1900004", 5, new BigDecimal("99800.00"), new BigDecimal("0.35")),
            new Scripted("W9000005", "cold_water", "190005", 5, new BigDecimal("532.100"), new BigDecimal("0.012")),
            new Scripted("W9000006", "cold_water", "190005", 5, new BigDecimal("0.000"), new BigDecimal("0.012")),
            new Scripted("W9000007", "cold_water", "290001", 5, new BigDecimal("48.250"), new BigDecimal("0.010")));
    /** The water meter replaced in the month, and its successor. */
    static final String REPLACED = "W9000005";
    static final String SUCCESSOR = "W9000006";

    private final Instant origin;
    private final Instant replacedAt;

    private DemoCases(Instant origin, Instant replacedAt) {
        this.origin = origin;
        this.replacedAt = replacedAt;
    }

    /**
     * Registers the meters (before the accounts that name them are imported). The replacement is on
     * the 10th of the first start's month due, at noon; a later start keeps the one recorded.
     *
     * @param start the history's start, the same on every start with the same data
     */
    static DemoCases register(MeterRegistry registry, Instant start, BillingPeriod due) throws SQLException {
        Instant replacedAt = registry.find(SUCCESSOR).map(Meter::installedAt)
                .orElse(BillingTime.startOf(due.start().plusDays(9)).plus(Duration.ofHours(12)));
        DemoCases cases = new DemoCases(start.plus(PHASE), replacedAt);
        for (Scripted m : METERS) {
            Instant installed = m.serial().equals(SUCCESSOR) ? replacedAt : start;
            registry.register(new NewMeter(m.serial(), m.utility(), "mqtt", m.account(), m.digits(), BigDecimal.ONE,
                    null, installed));
        }
        registry.installedSince(METERS.stream().map(Scripted::serial).filter(s -> !s.equals(SUCCESSOR)).toList(),
                start);
        return cases;
    }

    Instant replacedAt() {
        return replacedAt;
    }

    /**
     * A tariff change inside the month due, as an administrator makes one: Tashkent-city cold water
     * from {@value #CHANGED_PRICE} so'm/m3 from the 16th. A demo figure, not a decree (its id says so);
     * a later start keeps the change already made.
     *
     * @return the day the change takes effect, or null when the book has no open-ended version to change
     */
    static LocalDate changeTariff(TariffBookStore store, BillingPeriod due) {
        for (TariffVersion v : store.versions()) {
            if (v.id().startsWith(CHANGED_TARIFF + "-DEMO-")) {
                return v.validFrom();
            }
        }
        LocalDate from = due.start().plusDays(15);
        try {
            store.supersede(CHANGED_TARIFF + "-2023-12-09", TariffBookCsv.parseRow(CHANGED_TARIFF + "-DEMO-" + from
                    + ",COLD_WATER,PER_UNIT,METERED,TASHKENT_CITY,STANDARD," + from + ",,*:" + CHANGED_PRICE + ",,,",
                    "the demo's tariff change"));
            return from;
        } catch (TariffException e) {
            return null; // the book was changed by hand: the demo leaves it as it is
        }
    }

    /** The register's value at {@code t}: straight within each slot, cut down to the display's thousandth. */
    BigDecimal valueAt(Scripted m, Instant t) {
        Instant first = m.serial().equals(SUCCESSOR) ? replacedAt : origin;
        long seconds = Math.max(0, Duration.between(first, t).getSeconds());
        long slots = seconds / STEP.getSeconds();
        long units = slots / SHAPE.length * DAY_UNITS;
        for (int i = 0; i < slots % SHAPE.length; i++) {
            units += SHAPE[i];
        }
        BigDecimal inSlot = BigDecimal.valueOf(SHAPE[(int) (slots % SHAPE.length)])
                .multiply(BigDecimal.valueOf(seconds % STEP.getSeconds()))
                .divide(BigDecimal.valueOf(STEP.getSeconds()), 6, RoundingMode.DOWN);
        BigDecimal value = m.initial().add(m.unit().multiply(BigDecimal.valueOf(units).add(inSlot)));
        BigDecimal modulus = BigDecimal.TEN.pow(m.digits());
        return value.remainder(modulus).setScale(3, RoundingMode.DOWN);
    }

    /**
     * Sends what each meter read since its latest stored reading (every {@link #STEP}) up to
     * {@code now}, the replaced meter's last value at its replacement, and takes it out of service.
     */
    void sendHistory(DataSource dataSource, ReadingIngest ingest, MeterRegistry registry, Clock clock)
            throws SQLException, InterruptedException, ExecutionException {
        Map<String, Instant> latest = latest(dataSource);
        Instant now = clock.instant();
        List<CompletableFuture<IngestResult>> stored = new ArrayList<>();
        for (Scripted m : METERS) {
            Instant first = m.serial().equals(SUCCESSOR) ? replacedAt : origin;
            Instant until = m.serial().equals(REPLACED) ? replacedAt : now;
            Instant after = latest.get(m.serial());
            List<MeterReading> readings = new ArrayList<>();
            for (Instant t = first; !t.isAfter(until); t = t.plus(STEP)) {
                if (after == null || t.isAfter(after)) {
                    readings.add(reading(m, t, now));
                }
            }
            if (m.serial().equals(REPLACED) && (after == null || replacedAt.isAfter(after))
                    && !replacedAt.equals(readings.isEmpty() ? null : readings.get(readings.size() - 1).time())) {
                readings.add(reading(m, replacedAt, now)); // the final reading, taken when it was replaced
            }
            stored.add(send(ingest, readings));
        }
        for (CompletableFuture<IngestResult> f : stored) {
            f.get();
        }
        registry.retire(REPLACED, replacedAt);
    }

    /** One live reading of each meter in service, at {@code t}. */
    void sendLive(ReadingIngest ingest, Instant t, Instant now) {
        for (Scripted m : METERS) {
            if (!m.serial().equals(REPLACED)) {
                send(ingest, List.of(reading(m, t, now)));
            }
        }
    }

    private MeterReading reading(Scripted m, Instant t, Instant now) {
        return new MeterReading(m.serial(), m.register(), t, valueAt(m, t), Protocol.MQTT, now);
    }

    private static CompletableFuture<IngestResult> send(ReadingIngest ingest, List<MeterReading> readings) {
        if (readings.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<IngestResult> f;
        while ((f = ingest.acceptReadings(Protocol.MQTT, "demo households", readings)) == null) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // the writer is full: it drains
        }
        return f;
    }

    private static Map<String, Instant> latest(DataSource dataSource) throws SQLException {
        Map<String, Instant> latest = new HashMap<>();
        new ReadingQueries(dataSource).spans(METERS.stream().map(Scripted::serial).toList())
                .forEach((serial, span) -> latest.put(serial, span.last()));
        return latest;
    }
}
