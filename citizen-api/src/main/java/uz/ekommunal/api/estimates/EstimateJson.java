package uz.ekommunal.api.estimates;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Map;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.http.Messages;

/** The estimate and the catalogue as JSON: money and rates as strings with two decimals, names in the caller's language. */
final class EstimateJson {

    private EstimateJson() {
    }

    static JsonObject catalogue(String region, java.time.LocalDate date, BigDecimal vat, Map<String, WorkItem> items,
            Map<String, WorkRate> rates, Language language) {
        JsonArray list = new JsonArray();
        items.values().forEach(item -> {
            WorkRate rate = rates.get(item.code());
            if (rate != null) {
                list.add(new JsonObject().put("code", item.code()).put("name", item.name(language))
                        .put("unit", item.unit().name()).put("unitName", unit(item.unit(), language))
                        .put("materials", plain(rate.materials())).put("labour", plain(rate.labour()))
                        .put("perUnit", plain(rate.perUnit())));
            }
        });
        return new JsonObject().put("region", region).put("date", date.toString()).put("vatPercent", plain(vat))
                .put("items", list);
    }

    static JsonObject estimate(Estimate e, Map<String, WorkItem> items, Language language) {
        JsonArray lines = new JsonArray();
        e.lines().forEach(l -> lines.add(new JsonObject().put("item", l.item())
                .put("name", items.get(l.item()).name(language)).put("unit", l.unit().name())
                .put("unitName", unit(l.unit(), language)).put("quantity", l.quantity().toPlainString())
                .put("materials", plain(l.materials())).put("labour", plain(l.labour()))
                .put("perUnit", plain(l.materials().add(l.labour()))).put("amount", plain(l.amount().amount()))));
        return new JsonObject().put("region", e.region()).put("date", e.date().toString()).put("lines", lines)
                .put("subtotal", plain(e.subtotal().amount())).put("vatPercent", plain(e.vatPercent()))
                .put("vat", plain(e.vat().amount())).put("total", plain(e.total().amount()))
                .put("rounding", Messages.text(language, "estimate.rounding", EstimatePdf.percent(e.vatPercent())));
    }

    static JsonObject rate(WorkRate r) {
        return new JsonObject().put("id", r.id()).put("item", r.item()).put("region", r.region())
                .put("validFrom", r.validFrom().toString())
                .put("validTo", r.validTo() == null ? null : r.validTo().toString())
                .put("materials", plain(r.materials())).put("labour", plain(r.labour()));
    }

    static JsonObject item(WorkItem item) {
        return new JsonObject().put("code", item.code()).put("unit", item.unit().name())
                .put("names", new JsonObject().put("uz", item.name(Language.UZ)).put("ru", item.name(Language.RU))
                        .put("en", item.name(Language.EN)))
                .put("position", item.position());
    }

    static String unit(WorkUnit unit, Language language) {
        return Messages.text(language, "estimate.unit." + unit.name());
    }

    static String plain(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
