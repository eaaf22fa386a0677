package uz.ekommunal.api.accounts;

import uz.ekommunal.api.auth.Caller;

/**
 * Who may see an account: the households that linked it, the operators of its provider, and
 * administrators. Everyone else is told it does not exist, so ids cannot be probed.
 */
public final class AccessRule {

    private AccessRule() {
    }

    public static boolean maySee(Caller caller, long accountProviderId, boolean linkedByCaller) {
        return switch (caller.role()) {
            case ADMINISTRATOR -> true;
            case OPERATOR, CASHIER -> caller.providerId() == accountProviderId;
            case HOUSEHOLD -> linkedByCaller;
            case COMPLAINTS_OFFICER -> false;
        };
    }
}
