package uz.ekommunal.api.appeals;

import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.Role;

/**
 * Who may read an appeal: its author, a complaints officer of the organisation holding it, and
 * administrators. Everyone else is told it does not exist, so numbers cannot be probed.
 */
final class AppealAccess {

    private AppealAccess() {
    }

    static boolean maySee(Caller caller, Appeal a, Long callerOrganisation) {
        if (a.userId() != null && a.userId() == caller.userId()) {
            return true;
        }
        return caller.role() == Role.ADMINISTRATOR || caller.role() == Role.COMPLAINTS_OFFICER
                && callerOrganisation != null && callerOrganisation.equals(a.organisationId());
    }
}
