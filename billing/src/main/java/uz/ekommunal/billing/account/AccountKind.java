package uz.ekommunal.billing.account;

import java.util.List;
import java.util.regex.Pattern;
import uz.ekommunal.tariff.Utility;

/**
 * The families of personal accounts, each with the number format the portal checks before
 * linking an account, and the utilities a provider of that family bills on one account.
 */
public enum AccountKind {
    ELECTRICITY(7, List.of(Utility.ELECTRICITY)),
    GAS(8, List.of(Utility.NATURAL_GAS)),
    HOT_WATER_HEATING(11, List.of(Utility.HOT_WATER, Utility.HEATING)),
    COLD_WATER(6, List.of(Utility.COLD_WATER, Utility.SEWERAGE)),
    /** Numbered the provider's own way: its pattern decides. */
    GARBAGE(0, List.of(Utility.GARBAGE)),
    /**
     * The single billing system's household account (one number across providers, since 2017),
     * billing any utility on one invoice. Its format is not published: 12 digits is assumed here.
     */
    SINGLE_BILLING(12, List.of(Utility.values()));

    private final int digits;
    private final List<Utility> utilities;

    AccountKind(int digits, List<Utility> utilities) {
        this.digits = digits;
        this.utilities = utilities;
    }

    /** Digits of an account number, or 0 when the provider sets its own pattern. */
    public int digits() {
        return digits;
    }

    /** The utilities a provider of this kind may bill. */
    public List<Utility> utilities() {
        return utilities;
    }

    /**
     * @param providerPattern the provider's own regular expression (garbage), else ignored
     */
    public boolean accepts(String number, String providerPattern) {
        if (number == null) {
            return false;
        }
        if (digits == 0) {
            return providerPattern != null && Pattern.matches(providerPattern, number);
        }
        if (number.length() != digits) {
            return false;
        }
        for (int i = 0; i < number.length(); i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
