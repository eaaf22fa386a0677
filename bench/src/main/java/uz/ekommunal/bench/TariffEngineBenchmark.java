package uz.ekommunal.bench;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.ChargeLine;
import uz.ekommunal.tariff.pricing.Household;
import uz.ekommunal.tariff.pricing.PricingEngine;
import uz.ekommunal.tariff.pricing.UtilityUsage;

/**
 * Account-months priced per second on one thread: a Tashkent household's month of electricity
 * (blocks), gas (seasonal norm), cold water, sewerage and garbage, as a bill run prices it. The
 * baseline adds up the same month's already-priced line amounts, so the ratio says how much
 * pricing costs over merely touching the result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(2)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class TariffEngineBenchmark {

    private static final int ACCOUNTS = 1024;

    private PricingEngine engine;
    private Household[] households;
    private BillingPeriod[] periods;
    private UtilityUsage[][] usages;
    private BigDecimal[][] pricedAmounts;
    private int next;

    @Setup
    public void setUp() {
        engine = new PricingEngine(InMemoryTariffBook.loadDefault());
        SplittableRandom random = new SplittableRandom(42);
        households = new Household[ACCOUNTS];
        periods = new BillingPeriod[ACCOUNTS];
        usages = new UtilityUsage[ACCOUNTS][];
        pricedAmounts = new BigDecimal[ACCOUNTS][];
        for (int i = 0; i < ACCOUNTS; i++) {
            households[i] = Household.of(Region.TASHKENT_CITY, 1 + random.nextInt(6), null);
            periods[i] = BillingPeriod.of(YearMonth.of(2025, 6).plusMonths(random.nextInt(12)));
            int water = 3 + random.nextInt(15);
            usages[i] = new UtilityUsage[] {
                UtilityUsage.metered(Utility.ELECTRICITY, random.nextInt(700)),
                UtilityUsage.metered(Utility.NATURAL_GAS, random.nextInt(400)),
                UtilityUsage.metered(Utility.COLD_WATER, water),
                UtilityUsage.metered(Utility.SEWERAGE, water),
                UtilityUsage.unmetered(Utility.GARBAGE)};
            pricedAmounts[i] = amountsOf(i);
        }
    }

    private BigDecimal[] amountsOf(int account) {
        return java.util.Arrays.stream(usages[account])
                .flatMap(u -> engine.price(households[account], periods[account], u).stream())
                .map(line -> line.amount().amount())
                .toArray(BigDecimal[]::new);
    }

    /** One account-month: five utilities priced into lines and totalled. */
    @Benchmark
    public Money priceAccountMonth() {
        int account = next++ & (ACCOUNTS - 1);
        Money total = Money.ZERO;
        for (UtilityUsage usage : usages[account]) {
            List<ChargeLine> lines = engine.price(households[account], periods[account], usage);
            for (int i = 0; i < lines.size(); i++) {
                total = total.plus(lines.get(i).amount());
            }
        }
        return total;
    }

    /** Baseline: add up the same account-month's line amounts, already priced. */
    @Benchmark
    public BigDecimal sumPricedAmounts() {
        BigDecimal[] amounts = pricedAmounts[next++ & (ACCOUNTS - 1)];
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal amount : amounts) {
            total = total.add(amount);
        }
        return total;
    }
}
