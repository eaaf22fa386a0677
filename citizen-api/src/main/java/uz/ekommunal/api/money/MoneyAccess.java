package uz.ekommunal.api.money;

import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * Who may touch money, as plain rules. The cashier desk: cashiers and operators within their own
 * provider, administrators everywhere. Corrections (moves, refunds): operators within their provider
 * and administrators, never a cashier. Reports: the same as the desk. Another provider's payments
 * and accounts are answered as absent (404), so ids cannot be probed.
 */
final class MoneyAccess {

    private MoneyAccess() {
    }

    /** The provider the caller takes money for, or null for an administrator (any provider). */
    static Long deskScope(Caller caller) {
        return switch (caller.role()) {
            case CASHIER, OPERATOR -> caller.providerId();
            case ADMINISTRATOR -> null;
            default -> throw ApiException.because(ApiError.CASHIER_ONLY, null, "cashierDesk");
        };
    }

    /** The provider whose payments the caller corrects, or null for an administrator. */
    static Long correctionScope(Caller caller) {
        if (caller.role() == Role.OPERATOR) {
            return caller.providerId();
        }
        if (caller.role() == Role.ADMINISTRATOR) {
            return null;
        }
        throw ApiException.because(ApiError.OPERATOR_ONLY, null, "paymentsMovedByOperators");
    }

    /**
     * The provider a report covers: the caller's own for cashiers and operators (asking for another
     * is answered as no such provider), the one asked for or every provider (null) for administrators.
     */
    static Long reportScope(Caller caller, Long asked) {
        Long own = deskScope(caller);
        if (own == null) {
            return asked;
        }
        if (asked != null && !asked.equals(own)) {
            throw ApiException.because(ApiError.PROVIDER_NOT_FOUND, "providerId", "noProviderAmongYours", asked);
        }
        return own;
    }
}
