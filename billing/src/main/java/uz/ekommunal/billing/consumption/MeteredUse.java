package uz.ekommunal.billing.consumption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uz.ekommunal.tariff.pricing.ReadingAt;

/**
 * A utility's metered consumption over a period, summed over the account's meters (the old and
 * the new one when a meter was replaced), with the cumulative use at each inner cut so the tariff
 * engine splits the period at a tariff change by the readings, not pro rata.
 *
 * @param consumption total over the period
 * @param readings use from the period's start to each cut day
 * @param estimated a boundary value was not read at its instant (interpolated or carried)
 * @param missing no meter had any trusted reading: nothing can be billed by meter
 * @param decreased a register fell without a rollover (billed as no use in that stretch)
 * @param startValue the first meter's value at the start, for the bill
 * @param endValue the last meter's value at the end, for the bill
 */
public record MeteredUse(BigDecimal consumption, List<ReadingAt> readings, boolean estimated, boolean missing,
        boolean decreased, BigDecimal startValue, BigDecimal endValue) {

    /**
     * @param cuts the inner cut days, ascending (instants are their local midnights)
     * @param parts one per meter, each with values at [start, cuts..., end]
     */
    public static MeteredUse of(List<LocalDate> cuts, List<MeterPart> parts) {
        int points = cuts.size() + 2;
        BigDecimal[] cumulative = new BigDecimal[points];
        Arrays.fill(cumulative, BigDecimal.ZERO);
        boolean estimated = false;
        boolean decreased = false;
        boolean any = false;
        BigDecimal startValue = null;
        BigDecimal endValue = null;
        for (MeterPart part : parts) {
            List<BigDecimal> v = part.values();
            if (v.get(0) == null || v.get(points - 1) == null) {
                continue; // the meter has no readings at all
            }
            any = true;
            startValue = startValue == null ? v.get(0) : startValue;
            endValue = v.get(points - 1);
            for (int i = 1; i < points; i++) {
                RegisterDelta d = RegisterDelta.between(v.get(i - 1), v.get(i), part.modulus());
                decreased |= d.decreased();
                cumulative[i] = cumulative[i].add(d.used());
            }
            for (int i = 0; i < points; i++) {
                estimated |= part.estimated().get(i);
            }
        }
        // per-stretch use summed over meters, turned into use since the start
        for (int i = 1; i < points; i++) {
            cumulative[i] = cumulative[i].add(cumulative[i - 1]);
        }
        List<ReadingAt> readings = new ArrayList<>(cuts.size());
        for (int i = 0; i < cuts.size(); i++) {
            readings.add(new ReadingAt(cuts.get(i), cumulative[i + 1]));
        }
        BigDecimal total = cumulative[points - 1];
        return new MeteredUse(total, readings, estimated, !any, decreased, startValue, endValue);
    }

    /** The use over consecutive parts of a period, as one (for the bill's usage record). */
    public static MeteredUse sum(List<MeteredUse> parts) {
        BigDecimal total = BigDecimal.ZERO;
        boolean estimated = false;
        boolean missing = true;
        boolean decreased = false;
        for (MeteredUse p : parts) {
            total = total.add(p.consumption());
            estimated |= p.estimated();
            missing &= p.missing();
            decreased |= p.decreased();
        }
        return new MeteredUse(total, List.of(), estimated, missing, decreased, parts.get(0).startValue(),
                parts.get(parts.size() - 1).endValue());
    }
}
