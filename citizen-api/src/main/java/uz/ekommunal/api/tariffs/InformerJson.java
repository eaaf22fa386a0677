package uz.ekommunal.api.tariffs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.calculator.InformerPrice;
import uz.ekommunal.tariff.calculator.InformerRow;
import uz.ekommunal.tariff.calculator.PriceBlock;

/** The tariff informer's JSON: prices as exact decimal strings with at least two decimals. */
final class InformerJson {

    private InformerJson() {
    }

    static JsonObject render(LocalDate date, Region region, HouseholdClass householdClass, List<InformerRow> rows) {
        JsonArray tariffs = new JsonArray();
        for (InformerRow row : rows) {
            tariffs.add(new JsonObject()
                    .put("utility", row.utility().name())
                    .put("withMeter", price(row.withMeter()))
                    .put("withoutMeter", price(row.withoutMeter())));
        }
        return new JsonObject()
                .put("date", date.toString())
                .put("region", region.name())
                .put("householdClass", householdClass.name())
                .put("currency", "UZS")
                .put("tariffs", tariffs);
    }

    private static JsonObject price(InformerPrice price) {
        if (price == null) {
            return null;
        }
        JsonArray blocks = new JsonArray();
        for (PriceBlock block : price.blocks()) {
            blocks.add(new JsonObject()
                    .put("from", ExactDecimalText.quantity(block.from()))
                    .put("to", block.to() == null ? null : ExactDecimalText.quantity(block.to()))
                    .put("price", ExactDecimalText.price(block.price())));
        }
        return new JsonObject()
                .put("tariffId", price.tariffId())
                .put("basis", price.basis().name())
                .put("unit", price.unit().label())
                .put("price", ExactDecimalText.price(price.price()))
                .put("blocks", blocks)
                .put("validFrom", price.validFrom().toString())
                .put("validTo", price.validTo() == null ? null : price.validTo().toString());
    }
}
