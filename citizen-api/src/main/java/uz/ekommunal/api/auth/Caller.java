package uz.ekommunal.api.auth;

/**
 * Who is calling, as their access token says.
 *
 * @param providerId the provider an operator works for, else null
 */
public record Caller(long userId, Role role, Long providerId) {

    public Caller {
        if (role == Role.OPERATOR && providerId == null) {
            throw new IllegalArgumentException("an operator works for a provider");
        }
    }
}
