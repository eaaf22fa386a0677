package uz.ekommunal.api.auth;

/**
 * Who is calling, as their access token says.
 *
 * @param providerId the provider an operator works for, else null
 */
public record Caller(long userId, Role role, Long providerId) {

    public Caller {
        if (role.worksForProvider() && providerId == null) {
            throw new IllegalArgumentException("an operator or cashier works for a provider");
        }
    }
}
