package uz.ekommunal.tariff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One version of one tariff, valid on [{@code validFrom}, {@code validTo}): a row of the tariff
 * book. Operators add a new version when a decree changes a price; old versions stay, so an old
 * period reprices with the tariffs of its time.
 *
 * @param id unique, stable name of the row, e.g. {@code ELECTRICITY-2024-05-01}
 * @param meter which homes it is for: with a meter, without, or both
 * @param regions the regions it applies to; empty means every region. A version naming the
 *     household's region wins over one for every region
 * @param householdClass the price list it belongs to
 * @param validTo first day it no longer applies; {@code null} while open-ended
 * @param blocks marginal blocks (see {@link Block}); any basis but {@link ChargeBasis#PER_UNIT}
 *     has exactly one, unbounded, block: its price
 * @param season for a seasonal norm (two blocks: within the norm, above it); {@code null} if none
 * @param unmeteredCoefficient multiplies every price for a home without a meter (1 when none)
 * @param statePaysAboveNorm for needy families: units per month above the first block that the
 *     state pays for (150 kWh, 250 m3); {@code null} when the tariff has no such help
 * @throws TariffException {@link ErrorCode#BOOK_INVALID_TARIFF} if the row is inconsistent
 */
public record TariffVersion(String id, Utility utility, ChargeBasis basis, MeterCondition meter,
        Set<Region> regions, HouseholdClass householdClass, LocalDate validFrom, LocalDate validTo,
        List<Block> blocks, SeasonalNorm season, BigDecimal unmeteredCoefficient,
        BigDecimal statePaysAboveNorm) {

    public TariffVersion {
        require(id != null && !id.isBlank() && id.indexOf(',') < 0, id, "idShape", "id must be non-blank, without commas");
        require(utility != null && basis != null && meter != null && householdClass != null && validFrom != null,
                id, "partsRequired", "utility, basis, meter, class and valid-from are required");
        require(validTo == null || validTo.isAfter(validFrom), id, "validToAfterFrom", "valid-to must be after valid-from");
        require(blocks != null && !blocks.isEmpty(), id, "oneBlock", "at least one block (the price) is required");
        require(basis != ChargeBasis.PER_UNIT || utility != Utility.GARBAGE, id, "garbageNotMetered", "garbage has no metered unit");
        regions = regions == null || regions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(regions));
        blocks = List.copyOf(blocks);
        unmeteredCoefficient = unmeteredCoefficient == null ? BigDecimal.ONE : unmeteredCoefficient;
        require(unmeteredCoefficient.signum() > 0, id, "coefficientPositive", "unmetered coefficient must be positive");
        checkBlocks(id, basis, blocks, season);
        require(statePaysAboveNorm == null || (statePaysAboveNorm.signum() > 0 && blocks.size() >= 2),
                id, "statePaidNeedsNorm", "state-paid units need a positive number and a norm (two or more blocks)");
    }

    private static void checkBlocks(String id, ChargeBasis basis, List<Block> blocks, SeasonalNorm season) {
        require(basis == ChargeBasis.PER_UNIT || (blocks.size() == 1 && season == null), id,
                "blocksOnlyPerUnit", "only a per-unit tariff may have blocks or a season");
        require(season == null || blocks.size() == 2, id, "seasonalTwoBlocks",
                "a seasonal tariff has two blocks: within and above the norm");
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            require(block.price().signum() >= 0, id, "blockNegativePrice", "block " + (i + 1) + " has a negative price",
                    i + 1);
            boolean last = i == blocks.size() - 1;
            boolean seasonalFirst = season != null && i == 0;
            if (last || seasonalFirst) {
                require(block.upTo() == null, id, "blockNoBound", "block " + (i + 1) + " must have no bound of its own",
                        i + 1);
            } else {
                require(block.upTo() != null && block.upTo().compareTo(previous) > 0, id, "blockBoundsRise",
                        "block bounds must rise: block " + (i + 1), i + 1);
                previous = block.upTo();
            }
        }
    }

    private static void require(boolean condition, String id, String reason, String message, Object... args) {
        if (!condition) {
            throw TariffException.because(ErrorCode.BOOK_INVALID_TARIFF, String.valueOf(id), reason, message, args);
        }
    }

    /** The unit its quantity is counted in. */
    public QuantityUnit unit() {
        return switch (basis) {
            case PER_UNIT -> utility.meteredUnit();
            case PER_RESIDENT -> QuantityUnit.RESIDENT_MONTH;
            case PER_AREA -> QuantityUnit.M2_MONTH;
            case FIXED -> QuantityUnit.MONTH;
        };
    }

    public boolean appliesTo(Region region) {
        return regions.isEmpty() || regions.contains(region);
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }

    /** The first block's price, as an informer shows it, for a home with or without a meter. */
    public BigDecimal basePrice(boolean metered) {
        BigDecimal price = blocks.get(0).price();
        return metered ? price : price.multiply(unmeteredCoefficient);
    }
}
