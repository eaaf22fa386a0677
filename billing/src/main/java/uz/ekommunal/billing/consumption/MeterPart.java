package uz.ekommunal.billing.consumption;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One meter's register values over a period: at its start, at each inner cut (tariff changes),
 * at its end. Values are already clamped to the meter's service life, so a replaced meter's part
 * stops at its replacement and its successor's starts at its installation.
 *
 * @param values register values at [start, cut1, ..., cutN, end]; null where the meter had none
 * @param estimated per value: not read at that instant
 */
public record MeterPart(long meterId, List<BigDecimal> values, List<Boolean> estimated, BigDecimal modulus) {

    public MeterPart {
        Objects.requireNonNull(modulus, "modulus");
        // nulls allowed (a meter without readings), so not List.copyOf
        values = Collections.unmodifiableList(new ArrayList<>(values));
        estimated = List.copyOf(estimated);
        if (values.size() != estimated.size() || values.size() < 2) {
            throw new IllegalArgumentException("a meter part needs a value (and a flag) at each boundary");
        }
    }
}
