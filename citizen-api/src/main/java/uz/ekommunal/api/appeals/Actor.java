package uz.ekommunal.api.appeals;

import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.Role;

/** Who makes a change, for the history: a signed-in caller, or an Open311 client by its key's name. */
public record Actor(Long userId, Role role, String label) {

    public static Actor of(Caller caller) {
        return new Actor(caller.userId(), caller.role(), caller.role().name());
    }

    public static Actor open311(String keyName) {
        return new Actor(null, null, "OPEN311:" + keyName);
    }

    public boolean is(Role r) {
        return role == r;
    }
}
