package uz.ekommunal.api.appeals;

import java.sql.SQLException;

/**
 * Whether a service provider exists, for an operator's grant. Providers belong to billing; the
 * application passes billing's look-up, so this module names no other module's tables.
 */
@FunctionalInterface
public interface ProviderCheck {

    /** Refuses every provider: operators cannot be granted until billing is wired in. */
    ProviderCheck NONE = id -> false;

    boolean exists(long providerId) throws SQLException;
}
