package uz.ekommunal.api.operator;

import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * Who may use the operators' desk, as plain rules: operators within their own provider,
 * administrators everywhere, nobody else. Another provider's things are answered as absent
 * (404), so ids cannot be probed; a household or complaints officer gets 403 at the door.
 */
public final class DeskAccess {

    private DeskAccess() {
    }

    /** @throws ApiException {@link ApiError#OPERATOR_ONLY} for households and complaints officers */
    public static void requireDesk(Caller caller) {
        if (caller.role() != Role.OPERATOR && caller.role() != Role.ADMINISTRATOR) {
            throw ApiException.because(ApiError.OPERATOR_ONLY, null, "operatorsDeskOperatorsAdministrators");
        }
    }

    /** The provider the caller is limited to, or null for an administrator (every provider). */
    public static Long scope(Caller caller) {
        requireDesk(caller);
        return caller.role() == Role.ADMINISTRATOR ? null : caller.providerId();
    }

    /** Whether the caller may act for this provider. */
    public static boolean mayActFor(Caller caller, long providerId) {
        Long scope = scope(caller);
        return scope == null || scope == providerId;
    }

    /**
     * Tariff versions are national decrees that every provider of a utility bills with, so only
     * administrators change the book; operators read it.
     */
    public static void requireTariffEditor(Caller caller) {
        requireDesk(caller);
        if (caller.role() != Role.ADMINISTRATOR) {
            throw ApiException.because(ApiError.FORBIDDEN, null, "onlyAdministratorsChangeTariff");
        }
    }
}
