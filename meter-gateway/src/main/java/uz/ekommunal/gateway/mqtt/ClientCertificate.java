package uz.ekommunal.gateway.mqtt;

import io.vertx.mqtt.MqttEndpoint;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The serial a TLS client certificate names: its subject's CN. The chain was checked against the
 * meters' CA during the handshake; a connection without a certificate has no serial here.
 */
final class ClientCertificate {

    private ClientCertificate() {
    }

    /** The subject CN of the client's certificate, or null (plain TCP, no certificate, or no CN). */
    static String serialOf(MqttEndpoint endpoint) {
        if (!endpoint.isSsl()) {
            return null;
        }
        SSLSession session = endpoint.sslSession();
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? commonName(x509) : null;
        } catch (SSLPeerUnverifiedException e) {
            return null; // no certificate: the meter signs in with its secret
        }
    }

    static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    String cn = rdn.getValue().toString();
                    return cn.isEmpty() ? null : cn;
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
