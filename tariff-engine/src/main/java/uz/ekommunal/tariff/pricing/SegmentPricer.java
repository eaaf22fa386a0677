package uz.ekommunal.tariff.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.SeasonalNorm;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.TariffVersion;

/**
 * Prices one part of a period under one tariff version into bill lines.
 *
 * <p>Monthly block bounds, norms and the state-paid allowance are scaled by the part's month
 * fraction (see {@link BillingPeriod}); a seasonal first bound is the season's norm for those
 * days (see {@link SeasonalNorm}). Each unit is priced by the block it falls in. Amounts are
 * rounded once per line by {@link Money#ofExact}.
 *
 * <p><b>Lines that add up.</b> Quantities and block bounds are taken at the printed precision
 * ({@value ChargeLine#QUANTITY_DECIMALS} decimals, HALF_UP) before they are priced, so every line's
 * amount is exactly its printed quantity x its unit price, rounded once to the tiyin; a state-paid
 * allowance that spans blocks is one line per block, each at that block's price.
 */
final class SegmentPricer {

    private SegmentPricer() {
    }

    /**
     * @param quantity units in this part (per-unit tariffs only)
     * @param repeat how many times the part is charged (the calculator's months; 1 for a bill)
     */
    static void price(CompiledTariff tariff, LocalDate from, LocalDate to, BigDecimal quantity, Household household,
            boolean metered, BigDecimal repeat, List<ChargeLine> out) {
        TariffVersion v = tariff.version;
        BigDecimal fraction = BillingPeriod.monthFraction(from, to);
        BigDecimal price = tariff.prices(metered)[0];
        switch (v.basis()) {
            case PER_UNIT -> priceBlocks(tariff, from, to, fraction, quantity, household, metered, repeat, out);
            case PER_RESIDENT -> flat(v, from, to, printed(fraction.multiply(BigDecimal.valueOf(household.residents()))),
                    price, repeat, out);
            case PER_AREA -> flat(v, from, to, printed(fraction.multiply(household.heatedArea())), price, repeat, out);
            case FIXED -> flat(v, from, to, printed(fraction), price, repeat, out);
        }
    }

    private static void flat(TariffVersion v, LocalDate from, LocalDate to, BigDecimal quantity, BigDecimal price,
            BigDecimal repeat, List<ChargeLine> out) {
        out.add(line(v, from, to, LineKind.FLAT, 0, quantity, price, quantity.multiply(price).multiply(repeat), null,
                null));
    }

    private static void priceBlocks(CompiledTariff tariff, LocalDate from, LocalDate to, BigDecimal fraction,
            BigDecimal quantity, Household household, boolean metered, BigDecimal repeat, List<ChargeLine> out) {
        TariffVersion v = tariff.version;
        if (quantity == null) {
            throw TariffException.because(ErrorCode.MISSING_VALUE, "consumption", "pricedPerUnit",
                    v.utility() + " is priced per " + v.unit().label(), v.utility());
        }
        quantity = printed(quantity);
        BigDecimal[] bounds = bounds(tariff, from, to, fraction);
        BigDecimal[] prices = tariff.prices(metered);
        BigDecimal lower = BigDecimal.ZERO;
        for (int i = 0; i < bounds.length; i++) {
            BigDecimal upper = bounds[i];
            boolean beyond = upper != null && quantity.compareTo(upper) > 0;
            BigDecimal inBlock = (beyond ? upper : quantity).subtract(lower);
            if (inBlock.signum() > 0 || i == 0) {
                BigDecimal exact = inBlock.multiply(prices[i]).multiply(repeat);
                out.add(line(v, from, to, LineKind.BLOCK, i + 1, inBlock, prices[i], exact, lower, upper));
            }
            if (!beyond) {
                break;
            }
            lower = upper;
        }
        if (household.needyFamily() && v.statePaysAboveNorm() != null) {
            statePaid(v, from, to, bounds, prices, quantity, v.statePaysAboveNorm().multiply(fraction), repeat, out);
        }
    }

    /** The part's cumulative block bounds: the monthly ones scaled, a seasonal first one from the season. */
    private static BigDecimal[] bounds(CompiledTariff tariff, LocalDate from, LocalDate to, BigDecimal fraction) {
        SeasonalNorm season = tariff.version.season();
        boolean whole = fraction.compareTo(BigDecimal.ONE) == 0;
        if (season == null && whole) {
            return tariff.bounds;
        }
        BigDecimal[] scaled = new BigDecimal[tariff.bounds.length];
        for (int i = 0; i < scaled.length; i++) {
            BigDecimal bound = tariff.bounds[i];
            scaled[i] = bound == null || whole ? bound : bound.multiply(fraction);
        }
        if (season != null) {
            scaled[0] = season.normFor(from, to);
        }
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = scaled[i] == null ? null : printed(scaled[i]);
        }
        return scaled;
    }

    /** Units above the norm, up to the allowance, as one negative line per block they fall in. */
    private static void statePaid(TariffVersion v, LocalDate from, LocalDate to, BigDecimal[] bounds,
            BigDecimal[] prices, BigDecimal quantity, BigDecimal allowance, BigDecimal repeat, List<ChargeLine> out) {
        BigDecimal norm = bounds[0];
        BigDecimal paidUpTo = quantity.min(norm.add(printed(allowance)));
        BigDecimal lower = norm;
        for (int i = 1; i < bounds.length && lower.compareTo(paidUpTo) < 0; i++) {
            BigDecimal upper = bounds[i] == null ? paidUpTo : bounds[i].min(paidUpTo);
            BigDecimal units = upper.subtract(lower);
            if (units.signum() > 0) {
                out.add(line(v, from, to, LineKind.STATE_PAID, i + 1, units, prices[i],
                        units.multiply(prices[i]).multiply(repeat).negate(), bounds[i - 1], bounds[i]));
            }
            lower = upper;
        }
    }

    /** A quantity at the printed precision: what the line shows is what it is priced by. */
    static BigDecimal printed(BigDecimal quantity) {
        return quantity.scale() > ChargeLine.QUANTITY_DECIMALS
                ? quantity.setScale(ChargeLine.QUANTITY_DECIMALS, RoundingMode.HALF_UP) : quantity;
    }

    private static ChargeLine line(TariffVersion v, LocalDate from, LocalDate to, LineKind kind, int block,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal exactAmount, BigDecimal blockFrom,
            BigDecimal blockTo) {
        return new ChargeLine(v.utility(), v.id(), from, to, kind, block, quantity, v.unit(), unitPrice,
                Money.ofExact(exactAmount), blockFrom, blockTo);
    }
}
