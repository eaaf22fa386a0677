package uz.ekommunal.tariff.calculator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import uz.ekommunal.tariff.ChargeBasis;
import uz.ekommunal.tariff.QuantityUnit;

/**
 * One cell of the tariff informer.
 *
 * @param price the first block's price, so'm per {@code unit}
 * @param blocks every block, for a tariff priced in blocks (seasonal norm as on the date)
 * @param validTo {@code null} while open-ended
 */
public record InformerPrice(String tariffId, ChargeBasis basis, QuantityUnit unit, BigDecimal price,
        List<PriceBlock> blocks, LocalDate validFrom, LocalDate validTo) {

    public InformerPrice {
        blocks = List.copyOf(blocks);
    }
}
