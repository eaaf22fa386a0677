package uz.ekommunal.api.auth;

import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.tariff.Region;

/**
 * A person who signed in, with their profile. Region and district decide "My service providers".
 * The phone is null for someone OneID signed in without a verified phone; the language is null
 * until they choose one.
 */
public record User(long id, String phone, Role role, Long providerId, String name, String email, String address,
        Region region, String district, Language language) {

    public Caller caller() {
        return new Caller(id, role, providerId);
    }
}
