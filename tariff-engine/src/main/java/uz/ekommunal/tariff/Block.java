package uz.ekommunal.tariff;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One marginal block of a price list: every unit of monthly consumption above the previous
 * block's bound and up to {@code upTo} costs {@code price}.
 *
 * @param upTo the block's upper bound in units per month; {@code null} for the last block (no
 *     bound) and, in a seasonal tariff, for the first block, whose bound is the season's norm
 * @param price so'm per unit, exact (VAT included)
 */
public record Block(BigDecimal upTo, BigDecimal price) {

    public Block {
        Objects.requireNonNull(price, "price");
    }

    public static Block upTo(String upTo, String price) {
        return new Block(new BigDecimal(upTo), new BigDecimal(price));
    }

    public static Block unbounded(String price) {
        return new Block(null, new BigDecimal(price));
    }

    public static Block flat(BigDecimal price) {
        return new Block(null, price);
    }
}
