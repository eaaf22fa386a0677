package uz.ekommunal.api.accounts;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.MeteredRegister;
import uz.ekommunal.billing.forecast.MonthForecast;
import uz.ekommunal.billing.forecast.MonthForecaster;
import uz.ekommunal.billing.forecast.UsageSoFar;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.PricingEngine;

/**
 * An account's month so far, read as billing reads a month (register values at the month's first
 * midnight and now, summed over the account's meters across rollovers and replacements), then
 * priced and carried forward by {@link MonthForecaster}. The values come from {@link Consumption}, one
 * query for every register's.
 */
public final class MonthToDate {

    private final Accounts accounts;
    private final Consumption consumption;
    private final Supplier<PricingEngine> engine;
    private final Clock clock;

    public MonthToDate(Accounts accounts, Consumption consumption, Supplier<PricingEngine> engine, Clock clock) {
        this.accounts = accounts;
        this.consumption = consumption;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * Empty when the account has no household facts (no region to price in).
     *
     * @param account as the caller's guard has read it
     */
    public Optional<MonthForecast> of(Account account) throws SQLException {
        Instant now = clock.instant();
        BillingPeriod month = BillingPeriod.of(BillingTime.monthOf(now));
        Optional<HouseholdFacts> facts = accounts.factsOn(account.id(), BillingTime.dayOf(now));
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        List<Instant> edges = List.of(BillingTime.startOf(month.start()), now);
        Map<String, RegisterUse> perRegister = new LinkedHashMap<>();
        for (Consumption.RegisterValues register : consumption.valuesAt(account.id(), edges)) {
            ConsumptionSeries.Point point = ConsumptionSeries.of(edges, register.perMeter(), register.readTolerance())
                    .get(0);
            Instant until = register.readAt(1);
            if (point.value() != null && until != null) {
                perRegister.put(register.register(), new RegisterUse(point.value(), until, point.estimated()));
            }
        }
        List<UsageSoFar> uses = new ArrayList<>();
        for (Utility u : Utility.values()) {
            RegisterUse use = MeteredRegister.of(u).map(perRegister::get).orElse(null);
            if (account.services().contains(u) && use != null) {
                uses.add(new UsageSoFar(u, use.used(), use.until(), use.estimated()));
            }
        }
        return Optional.of(new MonthForecaster(engine.get()).forecast(facts.get().toHousehold(), month, uses));
    }

    /** A register's use since the month began (the sewerage and cold water services share one). */
    private record RegisterUse(java.math.BigDecimal used, Instant until, boolean estimated) {
    }
}
