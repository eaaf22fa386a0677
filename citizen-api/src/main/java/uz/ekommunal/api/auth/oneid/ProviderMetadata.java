package uz.ekommunal.api.auth.oneid;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.util.Map;

/**
 * What OneID's discovery document says this service needs: where to send people, where to
 * exchange codes and where its signing keys are.
 */
public record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri) {

    /**
     * @throws IllegalArgumentException when a field is missing, or the document names another
     *     issuer than the configured one (Discovery 1.0, section 4.3: it MUST be identical)
     */
    public static ProviderMetadata parse(String json, String expectedIssuer) {
        try {
            Map<String, Object> doc = JSONObjectUtils.parse(json);
            String issuer = JSONObjectUtils.getString(doc, "issuer");
            if (!expectedIssuer.equals(issuer)) {
                throw new IllegalArgumentException("the discovery document names issuer " + issuer + ", not "
                        + expectedIssuer);
            }
            return new ProviderMetadata(issuer, required(doc, "authorization_endpoint"),
                    required(doc, "token_endpoint"), required(doc, "jwks_uri"));
        } catch (ParseException e) {
            throw new IllegalArgumentException("the discovery document is not valid: " + e.getMessage(), e);
        }
    }

    private static URI required(Map<String, Object> doc, String field) throws ParseException {
        URI uri = JSONObjectUtils.getURI(doc, field);
        if (uri == null || !uri.isAbsolute()) {
            throw new IllegalArgumentException("the discovery document has no " + field);
        }
        return uri;
    }
}
