package uz.ekommunal.billing.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uz.ekommunal.billing.consumption.MeteredUse;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.LineType;
import uz.ekommunal.billing.invoice.UsageRecord;
import uz.ekommunal.tariff.Money;
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

    public AccountBiller(PricingEngine engine) {
        this.engine = engine;
    }

    /** @throws uz.ekommunal.tariff.TariffException when the book cannot price it */
    public InvoiceDraft bill(AccountInput in, BillingPeriod period) {
        Household household = in.facts().toHousehold();
        List<InvoiceLine> lines = new ArrayList<>();
        List<UsageRecord> usage = new ArrayList<>();
        Money charges = Money.ZERO;
        Money subsidy = Money.ZERO;
        for (Utility utility : in.services()) {
            MeteredUse use = in.metered().get(utility);
            boolean estimated = use != null && (use.estimated() || use.missing());
            Money utilityTotal = Money.ZERO;
            for (ChargeLine c : engine.price(household, period, usage(utility, use))) {
                lines.add(line(lines.size() + 1, c, estimated));
                utilityTotal = utilityTotal.plus(c.amount());
                if (c.kind() == LineKind.STATE_PAID) {
                    subsidy = subsidy.minus(c.amount());
                } else {
                    charges = charges.plus(c.amount());
                }
            }
            if (use != null) {
                usage.add(new UsageRecord(utility, period.start(), period.end(), use.startValue(), use.endValue(),
                        use.consumption(), estimated, utilityTotal, false));
            }
        }
        Money corrections = Money.ZERO;
        for (Recheck r : in.rechecks()) {
            if (r.now().consumption().compareTo(r.billedConsumption()) == 0) {
                continue; // the estimate held: nothing to correct
            }
            Money now = Money.ZERO;
            for (ChargeLine c : engine.price(household, r.period(), usage(r.utility(), r.now()))) {
                now = now.plus(c.amount());
            }
            Money delta = now.minus(r.billedAmount());
            boolean estimated = r.now().estimated() || r.now().missing();
            lines.add(new InvoiceLine(lines.size() + 1, r.utility(), LineType.CORRECTION, null, r.period().start(),
                    r.period().end(), 0, r.now().consumption().subtract(r.billedConsumption()),
                    r.utility().meteredUnit(), null, delta, estimated, note(r, now)));
            usage.add(new UsageRecord(r.utility(), r.period().start(), r.period().end(), r.now().startValue(),
                    r.now().endValue(), r.now().consumption(), estimated, now, true));
            corrections = corrections.plus(delta);
        }
        Money total = charges.minus(subsidy).plus(corrections);
        return new InvoiceDraft(in.accountId(), lines, usage, charges, subsidy, corrections, in.balanceBefore(), total,
                in.balanceBefore().minus(total));
    }

    private static UtilityUsage usage(Utility utility, MeteredUse use) {
        return use == null ? UtilityUsage.unmetered(utility)
                : new UtilityUsage(utility, true, use.consumption(), use.readings());
    }

    private static InvoiceLine line(int no, ChargeLine c, boolean estimated) {
        LineType type = switch (c.kind()) {
            case BLOCK -> LineType.BLOCK;
            case FLAT -> LineType.FLAT;
            case STATE_PAID -> LineType.STATE_PAID;
        };
        return new InvoiceLine(no, c.utility(), type, c.tariffId(), c.from(), c.to(), c.block(), c.quantity(), c.unit(),
                c.unitPrice(), c.amount(), estimated, null);
    }

    /** Says what changed and why, e.g. "2025-11 electricity: billed 310.000 kWh (estimated), ...". */
    static String note(Recheck r, Money now) {
        String unit = r.utility().meteredUnit().label();
        return "%s %s: billed %s %s%s, by the readings stored since %s %s%s; %s -> %s".formatted(
                r.period().start().toString().substring(0, 7), r.utility().name().toLowerCase(Locale.ROOT),
                qty(r.billedConsumption()), unit, r.billedEstimated() ? " (estimated: a boundary reading was missing)" : "",
                qty(r.now().consumption()), unit, r.now().estimated() ? " (still estimated)" : "",
                r.billedAmount(), now);
    }

    private static String qty(BigDecimal q) {
        return q.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }
}
