package uz.ekommunal.api.estimates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A work item's price per unit in one region from {@code validFrom} (inclusive) to {@code validTo}
 * (exclusive, null: open), split into materials and labour, in so'm to the tiyin.
 */
public record WorkRate(long id, String item, String region, LocalDate validFrom, LocalDate validTo,
        BigDecimal materials, BigDecimal labour) {

    public WorkRate {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(validFrom, "validFrom");
        if (materials.signum() < 0 || labour.signum() < 0) {
            throw new IllegalArgumentException("negative rate");
        }
        if (validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("validTo must be after validFrom");
        }
    }

    /** Materials and labour together: what one unit costs. */
    public BigDecimal perUnit() {
        return materials.add(labour);
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}
