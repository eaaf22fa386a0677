package uz.ekommunal.billing.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uz.ekommunal.billing.consumption.MeteredUse;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.LineType;
import uz.ekommunal.billing.invoice.UsageRecord;
import uz.ekommunal.tariff.ChargeBasis;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.TariffVersion;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.ChargeLine;
import uz.ekommunal.tariff.pricing.Household;
import uz.ekommunal.tariff.pricing.LineKind;
import uz.ekommunal.tariff.pricing.PricingEngine;
import uz.ekommunal.tariff.pricing.UtilityUsage;

/**
 * The billing rule for one account and period, with no I/O: each utility priced by the tariff
 * engine (metered from its {@link MeteredUse}, unmetered by residents or m2), and each earlier
 * estimate that today's readings change turned into one correction line saying what changed.
 */
public final class AccountBiller {

    private final PricingEngine engine;
    private final ConsumptionNorms norms;

    public AccountBiller(PricingEngine engine) {
        this(engine, ConsumptionNorms.NONE);
    }

    public AccountBiller(PricingEngine engine, ConsumptionNorms norms) {
        this.engine = engine;
        this.norms = norms;
    }

    /** The same rule with the norms current now (read as each shard starts). */
    public AccountBiller withNorms(ConsumptionNorms current) {
        return new AccountBiller(engine, current);
    }

    /**
     * @throws uz.ekommunal.tariff.TariffException when the book cannot price it
     * @throws UnbilledException when the facts have no applicable price list or norm
     */
    public InvoiceDraft bill(AccountInput in, BillingPeriod period) {
        List<InvoiceLine> lines = new ArrayList<>();
        List<UsageRecord> usage = new ArrayList<>();
        Money charges = Money.ZERO;
        Money subsidy = Money.ZERO;
        for (Utility utility : in.services()) {
            MeteredUse use = total(utility, in.parts());
            boolean estimated = use != null && (use.estimated() || use.missing());
            Money utilityTotal = Money.ZERO;
            for (AccountInput.Part part : in.parts()) {
                if (!part.bills(utility)) {
                    continue;
                }
                for (ChargeLine c : price(utility, part, in.heatingDays())) {
                    lines.add(line(lines.size() + 1, c, estimated));
                    utilityTotal = utilityTotal.plus(c.amount());
                    if (c.kind() == LineKind.STATE_PAID) {
                        subsidy = subsidy.minus(c.amount());
                    } else {
                        charges = charges.plus(c.amount());
                    }
                }
            }
            if (use != null) {
                usage.add(new UsageRecord(utility, period.start(), period.end(), use.startValue(), use.endValue(),
                        use.consumption(), estimated, utilityTotal, false));
            }
        }
        Money corrections = Money.ZERO;
        for (Recheck r : in.rechecks()) {
            MeteredUse today = r.nowTotal();
            if (today.consumption().compareTo(r.billedConsumption()) == 0) {
                continue; // the estimate held: nothing to correct
            }
            Money now = Money.ZERO;
            for (AccountInput.Part part : r.now()) {
                for (ChargeLine c : price(r.utility(), part)) {
                    now = now.plus(c.amount());
                }
            }
            Money delta = now.minus(r.billedAmount());
            boolean estimated = today.estimated() || today.missing();
            lines.add(new InvoiceLine(lines.size() + 1, r.utility(), LineType.CORRECTION, null, r.period().start(),
                    r.period().end(), 0, today.consumption().subtract(r.billedConsumption()),
                    r.utility().meteredUnit(), null, delta, estimated, note(r, today, now), null, null));
            usage.add(new UsageRecord(r.utility(), r.period().start(), r.period().end(), today.startValue(),
                    today.endValue(), today.consumption(), estimated, now, true));
            corrections = corrections.plus(delta);
        }
        Money total = charges.minus(subsidy).plus(corrections);
        return new InvoiceDraft(in.accountId(), lines, usage, charges, subsidy, corrections, in.balanceBefore(), total,
                in.balanceBefore().minus(total));
    }

    private List<ChargeLine> price(Utility utility, AccountInput.Part part) {
        Household household = part.facts().toHousehold();
        MeteredUse use = part.metered().get(utility);
        requireOwnPriceList(utility, household, use != null, part.period());
        UtilityUsage usage = use != null ? new UtilityUsage(utility, true, use.consumption(), use.readings())
                : unmetered(utility, household, part.period());
        return engine.price(household, part.period(), usage);
    }

    /** A flat with an electric stove is priced by its own list or not at all, never by the dearer standard one. */
    private void requireOwnPriceList(Utility utility, Household household, boolean metered, BillingPeriod period) {
        if (utility != Utility.ELECTRICITY || household.householdClass() != HouseholdClass.ELECTRIC_STOVE) {
            return;
        }
        boolean own = engine.index().find(utility, household.region(), HouseholdClass.ELECTRIC_STOVE, metered,
                period.start()).map(v -> v.householdClass() == HouseholdClass.ELECTRIC_STOVE).orElse(false);
        if (!own) {
            throw new UnbilledException(UnbilledReason.NO_STOVE_PRICES, "no electric-stove electricity price list in "
                    + household.region() + " on " + period.start());
        }
    }

    /**
     * Without a meter: per resident or per m2 where the unmetered price is so; per unit on the
     * volume the norm assesses (residents x norm x month fraction, at 3 decimals), where the
     * unmetered price is per unit (the coefficient, e.g. x1.5, applies to it in the engine).
     */
    private UtilityUsage unmetered(Utility utility, Household household, BillingPeriod period) {
        Optional<TariffVersion> version = engine.index().find(utility, household.region(),
                household.householdClass(), false, period.start());
        if (version.isEmpty() || version.get().basis() != ChargeBasis.PER_UNIT) {
            return UtilityUsage.unmetered(utility); // per resident/m2, or no tariff: the engine says which
        }
        BigDecimal norm = norms.perResident(utility, household.region(), period.start())
                .orElseThrow(() -> new UnbilledException(UnbilledReason.NO_NORM, "no consumption norm for "
                        + utility + " in " + household.region() + " on " + period.start()
                        + ": its unmetered price is per " + version.get().unit().label()));
        BigDecimal volume = norm.multiply(BigDecimal.valueOf(household.residents())).multiply(period.monthFraction())
                .setScale(ChargeLine.QUANTITY_DECIMALS, RoundingMode.HALF_UP);
        return new UtilityUsage(utility, false, volume, List.of());
    }

    /** Heating by m2 only on the season's days; anything metered, and every other utility, all period. */
    private List<ChargeLine> price(Utility utility, AccountInput.Part part, List<BillingPeriod> heatingDays) {
        if (utility != Utility.HEATING || part.metered().containsKey(utility)) {
            return price(utility, part);
        }
        List<ChargeLine> lines = new ArrayList<>();
        for (BillingPeriod days : heatingDays) {
            LocalDate from = max(days.start(), part.period().start());
            LocalDate to = min(days.end(), part.period().end());
            if (from.isBefore(to)) {
                lines.addAll(engine.price(part.facts().toHousehold(), new BillingPeriod(from, to),
                        UtilityUsage.unmetered(utility)));
            }
        }
        return lines;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** The metered use over all parts, or null when no part has a meter for the utility. */
    private static MeteredUse total(Utility utility, List<AccountInput.Part> parts) {
        List<MeteredUse> uses = new ArrayList<>(parts.size());
        for (AccountInput.Part p : parts) {
            MeteredUse use = p.metered().get(utility);
            if (use != null) {
                uses.add(use);
            }
        }
        return uses.isEmpty() ? null : MeteredUse.sum(uses);
    }

    /** A line is estimated only when it prices a metered quantity that was; per m2, per resident never are. */
    private static InvoiceLine line(int no, ChargeLine c, boolean usageEstimated) {
        boolean estimated = usageEstimated && c.kind() != LineKind.FLAT;
        LineType type = switch (c.kind()) {
            case BLOCK -> LineType.BLOCK;
            case FLAT -> LineType.FLAT;
            case STATE_PAID -> LineType.STATE_PAID;
        };
        return new InvoiceLine(no, c.utility(), type, c.tariffId(), c.from(), c.to(), c.block(), c.quantity(), c.unit(),
                c.unitPrice(), c.amount(), estimated, null, c.blockFrom(), c.blockTo());
    }

    /** Says what changed and why, e.g. "2025-11 electricity: billed 310.000 kWh (estimated), ...". */
    static String note(Recheck r, MeteredUse today, Money now) {
        String unit = r.utility().meteredUnit().label();
        return "%s %s: billed %s %s%s, by the readings stored since %s %s%s; %s -> %s".formatted(
                r.period().start().toString().substring(0, 7), r.utility().name().toLowerCase(Locale.ROOT),
                qty(r.billedConsumption()), unit, r.billedEstimated() ? " (estimated: a boundary reading was missing)" : "",
                qty(today.consumption()), unit, today.estimated() ? " (still estimated)" : "",
                r.billedAmount(), now);
    }

    private static String qty(BigDecimal q) {
        return q.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }
}
