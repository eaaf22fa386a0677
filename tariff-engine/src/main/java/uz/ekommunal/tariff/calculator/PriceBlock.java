package uz.ekommunal.tariff.calculator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.tariff.Block;
import uz.ekommunal.tariff.TariffVersion;

/**
 * A block as a person reads it: units per month from {@code from} to {@code to} cost {@code price}.
 *
 * @param to {@code null} for the last, open-ended block
 * @param price so'm per unit, with the no-meter coefficient applied where it applies
 */
public record PriceBlock(BigDecimal from, BigDecimal to, BigDecimal price) {

    /**
     * The blocks of a per-unit version for one month.
     *
     * @param norm the seasonal norm that bounds the first block; ignored for a tariff without season
     */
    static List<PriceBlock> of(TariffVersion version, boolean metered, BigDecimal norm) {
        List<PriceBlock> blocks = new ArrayList<>();
        BigDecimal coefficient = metered ? BigDecimal.ONE : version.unmeteredCoefficient();
        BigDecimal from = BigDecimal.ZERO;
        for (int i = 0; i < version.blocks().size(); i++) {
            Block block = version.blocks().get(i);
            BigDecimal to = i == 0 && version.season() != null ? norm : block.upTo();
            blocks.add(new PriceBlock(from, to, block.price().multiply(coefficient)));
            from = to;
        }
        return blocks;
    }
}
