package uz.ekommunal.api.estimates;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uz.ekommunal.api.estimates.EstimateArithmetic.Pick;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/** Prices what a person picked with the catalogue valid on the day in the region. */
public final class EstimateService {

    private final EstimateCatalogue catalogue;

    public EstimateService(EstimateCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public EstimateCatalogue catalogue() {
        return catalogue;
    }

    /** The estimate and the items it names. */
    public record Priced(Estimate estimate, Map<String, WorkItem> items) {
    }

    public Priced price(String region, LocalDate date, List<Pick> picks) throws SQLException {
        Map<String, WorkItem> items = catalogue.items();
        Map<String, WorkRate> rates = catalogue.ratesOn(region, date);
        Map<String, WorkUnit> units = new HashMap<>();
        for (Pick pick : picks) {
            WorkItem item = items.get(pick.item());
            if (item == null) {
                throw ApiException.of(ApiError.ESTIMATE_ITEM_NOT_FOUND, "item", pick.item());
            }
            if (!rates.containsKey(pick.item())) {
                throw ApiException.of(ApiError.ESTIMATE_NO_RATE, "item", pick.item(), region, date.toString());
            }
            units.put(item.code(), item.unit());
        }
        Estimate estimate = EstimateArithmetic.price(region, date, picks, rates, units, catalogue.vatOn(date));
        return new Priced(estimate, items);
    }
}
