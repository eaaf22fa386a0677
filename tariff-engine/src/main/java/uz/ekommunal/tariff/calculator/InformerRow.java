package uz.ekommunal.tariff.calculator;

import uz.ekommunal.tariff.Utility;

/**
 * A utility's tariffs on a date: with a meter (per unit) and without one.
 *
 * @param withMeter {@code null} when there is no per-unit tariff (shown as "—")
 * @param withoutMeter {@code null} when the book has no tariff for homes without a meter
 */
public record InformerRow(Utility utility, InformerPrice withMeter, InformerPrice withoutMeter) {
}
