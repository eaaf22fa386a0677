package uz.ekommunal.api.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountLookups;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.LinkedMeter;
import uz.ekommunal.billing.account.MeteredRegister;
import uz.ekommunal.billing.consumption.RegisterProfiles;
import uz.ekommunal.billing.forecast.MonthForecast;
import uz.ekommunal.billing.forecast.MonthForecaster;
import uz.ekommunal.billing.forecast.UsageSoFar;
import uz.ekommunal.gateway.store.BoundaryReadings;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.PricingEngine;

/**
 * An account's month so far, read as billing reads a month (register values at the month's first
 * midnight and now, summed over the account's meters across rollovers and replacements), then
 * priced and carried forward by {@link MonthForecaster}. One query for every register's values.
 */
public final class MonthToDate {

    private final DataSource dataSource;
    private final Accounts accounts;
    private final AccountLookups lookups;
    private final BoundaryReadings boundaries;
    private final Supplier<PricingEngine> engine;
    private final Clock clock;

    public MonthToDate(DataSource dataSource, Accounts accounts, AccountLookups lookups, Supplier<PricingEngine> engine,
            Clock clock) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.lookups = lookups;
        this.boundaries = new BoundaryReadings(dataSource);
        this.engine = engine;
        this.clock = clock;
    }

    /** Empty when the account has no household facts (no region to price in). */
    public Optional<MonthForecast> of(long accountId) throws SQLException {
        Instant now = clock.instant();
        BillingPeriod month = BillingPeriod.of(BillingTime.monthOf(now));
        Account account = accounts.account(accountId);
        Optional<HouseholdFacts> facts = accounts.factsOn(accountId, BillingTime.dayOf(now));
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<LinkedMeter>> byRegister = new LinkedHashMap<>();
        for (LinkedMeter m : lookups.meters(accountId)) {
            byRegister.computeIfAbsent(m.register(), r -> new ArrayList<>()).add(m);
        }
        List<Instant> edges = List.of(BillingTime.startOf(month.start()), now);
        List<BoundaryReadings.Request> requests = new ArrayList<>();
        byRegister.values().forEach(meters -> meters.forEach(m -> edges.forEach(
                at -> requests.add(new BoundaryReadings.Request(m.meterId(), m.register(), at)))));
        List<BoundaryReadings.Value> values;
        RegisterProfiles profiles;
        try (Connection c = dataSource.getConnection()) {
            values = requests.isEmpty() ? List.of() : boundaries.valuesAt(c, requests);
            profiles = RegisterProfiles.load(c);
        }
        Map<String, RegisterUse> perRegister = new LinkedHashMap<>();
        int at = 0;
        for (Map.Entry<String, List<LinkedMeter>> register : byRegister.entrySet()) {
            List<List<BoundaryReadings.Value>> perMeter = new ArrayList<>();
            Instant until = null;
            for (LinkedMeter ignored : register.getValue()) {
                List<BoundaryReadings.Value> meterValues = values.subList(at, at + 2);
                perMeter.add(meterValues);
                until = later(until, readAt(meterValues.get(1)));
                at += 2;
            }
            ConsumptionSeries.Point point = ConsumptionSeries.of(edges, perMeter,
                    profiles.of(register.getKey()).readTolerance()).get(0);
            if (point.value() != null && until != null) {
                perRegister.put(register.getKey(), new RegisterUse(point.value(), until, point.estimated()));
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

    /** How far the value "now" is measured: to the latest reading carried forward, else to now itself. */
    private static Instant readAt(BoundaryReadings.Value v) {
        return switch (v.kind()) {
            case CARRIED_FORWARD -> v.at().minus(v.nearestRead());
            case EXACT, INTERPOLATED -> v.at();
            case CARRIED_BACK, NONE -> null;
        };
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
