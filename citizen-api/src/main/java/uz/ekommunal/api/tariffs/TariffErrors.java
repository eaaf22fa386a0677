package uz.ekommunal.api.tariffs;

import java.util.regex.Pattern;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.billing.tariffs.TariffStorageException;
import uz.ekommunal.tariff.TariffException;

/**
 * The tariff engine's refusals as API problems. A caller's mistake (engine codes 1xxx) becomes a
 * 4xx naming the field in the API's words ({@code utilities[0].consumption}, where the engine says
 * {@code items[0].consumption}); the book's database being away is a 503; anything else is passed
 * on, to be answered as a logged 500.
 */
final class TariffErrors {

    private static final Pattern ITEMS = Pattern.compile("\\bitems\\b");

    private TariffErrors() {
    }

    static Throwable toApi(Throwable failure) {
        if (failure instanceof TariffStorageException) {
            return ApiException.because(ApiError.SERVICE_UNAVAILABLE, null, "tariffBookCannotRead");
        }
        if (!(failure instanceof TariffException e) || !e.code().isInputError()) {
            return failure;
        }
        ApiError error = switch (e.code()) {
            case UNKNOWN_UTILITY, UNKNOWN_REGION, UNKNOWN_HOUSEHOLD_CLASS -> ApiError.UNKNOWN_VALUE;
            case MISSING_VALUE -> ApiError.MISSING_VALUE;
            case NO_TARIFF -> ApiError.NO_TARIFF;
            default -> ApiError.INVALID_VALUE;
        };
        String field = e.field() == null ? null : apiName(e.field());
        // the engine's English words in English; the code's catalogue words otherwise
        return ApiException.because(error, field, "engine", field == null ? "" : field, apiName(e.getMessage()));
    }

    private static String apiName(String engineName) {
        return ITEMS.matcher(engineName).replaceAll("utilities");
    }
}
