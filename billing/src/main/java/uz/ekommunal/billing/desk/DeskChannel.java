package uz.ekommunal.billing.desk;

import java.util.Locale;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;

/** How money reaches a cashier desk; its code is the payment's payment system in the ledger. */
public enum DeskChannel {
    CASH("cash"),
    CARD_TERMINAL("card_terminal");

    private final String code;

    DeskChannel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws BillingException {@link BillingErrorCode#UNKNOWN_DESK_CHANNEL} for anything else */
    public static DeskChannel of(String code) {
        for (DeskChannel c : values()) {
            if (c.code.equals(code == null ? null : code.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new BillingException(BillingErrorCode.UNKNOWN_DESK_CHANNEL, String.valueOf(code));
    }
}
