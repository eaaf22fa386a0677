package uz.ekommunal.tariff.pricing;

import java.math.BigDecimal;
import java.util.List;
import uz.ekommunal.tariff.Block;
import uz.ekommunal.tariff.TariffVersion;

/** A tariff version laid out in arrays once, so pricing does no lookups or list walks. */
final class CompiledTariff {

    final TariffVersion version;
    /** Cumulative monthly upper bound per block; null for the last block and a seasonal first. */
    final BigDecimal[] bounds;
    final BigDecimal[] meteredPrices;
    final BigDecimal[] unmeteredPrices;

    CompiledTariff(TariffVersion version) {
        this.version = version;
        List<Block> blocks = version.blocks();
        int size = blocks.size();
        bounds = new BigDecimal[size];
        meteredPrices = new BigDecimal[size];
        unmeteredPrices = new BigDecimal[size];
        for (int i = 0; i < size; i++) {
            bounds[i] = blocks.get(i).upTo();
            meteredPrices[i] = blocks.get(i).price();
            unmeteredPrices[i] = blocks.get(i).price().multiply(version.unmeteredCoefficient());
        }
    }

    BigDecimal[] prices(boolean metered) {
        return metered ? meteredPrices : unmeteredPrices;
    }
}
