package uz.ekommunal.app;

import java.util.EnumSet;
import java.util.Set;

/** What one process does; the all-in-one run takes every role. */
public enum Role {
    GATEWAY, API, BILLING;

    public static Set<Role> all() {
        return EnumSet.allOf(Role.class);
    }
}
