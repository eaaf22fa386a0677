package uz.ekommunal.api.accounts;

import java.util.Locale;
import java.util.Optional;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.Messages;
import uz.ekommunal.billing.account.AccountKind;

/**
 * The portal's check of a personal account number before linking it: the utility chosen decides
 * the provider family and its format (electricity 7 digits, gas 8, hot water and heating 11,
 * cold water 6, garbage the provider's own).
 */
public final class AccountNumbers {

    private AccountNumbers() {
    }

    /** The family of {@code electricity}, {@code gas}, {@code hot_water}, {@code heating}, ... */
    public static Optional<AccountKind> kindOf(String utility) {
        if (utility == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (utility.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "electricity" -> AccountKind.ELECTRICITY;
            case "gas", "natural_gas" -> AccountKind.GAS;
            case "hot_water", "heating", "hot_water_heating" -> AccountKind.HOT_WATER_HEATING;
            case "cold_water", "sewerage" -> AccountKind.COLD_WATER;
            case "garbage" -> AccountKind.GARBAGE;
            case "single_billing" -> AccountKind.SINGLE_BILLING;
            default -> null;
        });
    }

    /** What is wrong with the number's format, or empty when it may be looked up. */
    public static Optional<ApiException> formatProblem(AccountKind kind, String number) {
        if (number == null || number.isEmpty()) {
            return Optional.of(ApiException.because(ApiError.INVALID_ACCOUNT_NUMBER, "number", "required"));
        }
        if (kind.digits() == 0) {
            // the provider's own pattern decides; only the lookup can tell
            return number.length() <= 32 && number.chars().allMatch(ch -> ch > ' ' && ch < 127) ? Optional.empty()
                    : Optional.of(ApiException.because(ApiError.INVALID_ACCOUNT_NUMBER, "number", "upTo32"));
        }
        return kind.accepts(number, null) ? Optional.empty()
                : Optional.of(ApiException.because(ApiError.INVALID_ACCOUNT_NUMBER, "number", "digits",
                        Messages.utility(kind.name()), kind.digits()));
    }
}
