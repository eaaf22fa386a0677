package uz.ekommunal.api.auth.oneid;

import java.util.Optional;
import uz.ekommunal.api.auth.PhoneNumber;

/**
 * Who OneID says signed in: their subject (unique at that issuer) and their phone, kept only when
 * OneID says it verified it and it is an Uzbek mobile number.
 */
public record OneIdClaims(String issuer, String subject, Optional<PhoneNumber> verifiedPhone) {
}
