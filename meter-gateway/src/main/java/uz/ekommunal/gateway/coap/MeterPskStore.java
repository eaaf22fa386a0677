package uz.ekommunal.gateway.coap;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.crypto.SecretKey;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.SecretUtil;
import org.eclipse.californium.scandium.util.ServerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;

/**
 * Pre-shared keys for the DTLS endpoint, from the meter registry: the PSK identity is the meter's
 * serial, the key its {@code psk} column (hex, as the simulators and seed files write it). A
 * meter without a key, or with a key that is not hex, cannot shake hands.
 *
 * <p>The registry may go to the database, so keys are looked up on {@code lookups} and handed to
 * Scandium asynchronously; its handshake threads never wait on JDBC.
 */
final class MeterPskStore implements AdvancedPskStore {

    private static final Logger LOG = LoggerFactory.getLogger(MeterPskStore.class);

    private final MeterRegistry registry;
    private final Executor lookups;
    private volatile HandshakeResultHandler resultHandler;

    MeterPskStore(MeterRegistry registry, Executor lookups) {
        this.registry = registry;
        this.lookups = lookups;
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return true;
    }

    @Override
    public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName,
            PskPublicInformation identity, String hmacAlgorithm, SecretKey otherSecret, byte[] seed,
            boolean useExtendedMasterSecret) {
        try {
            lookups.execute(() -> resultHandler.apply(new PskSecretResult(cid, identity, keyOf(identity))));
            return null; // the result follows through the handler
        } catch (RejectedExecutionException e) {
            return new PskSecretResult(cid, identity, null); // shutting down: no key
        }
    }

    @Override
    public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
        return null; // server only: the gateway never starts a handshake
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        this.resultHandler = resultHandler;
    }

    /** A fresh key (Scandium destroys it after use), or null when the meter has none. */
    private SecretKey keyOf(PskPublicInformation identity) {
        String serial = identity.getPublicInfoAsString();
        try {
            Optional<Meter> meter = registry.find(serial);
            String psk = meter.map(Meter::psk).orElse(null);
            if (psk == null || psk.isBlank()) {
                LOG.info("DTLS handshake from unknown identity or meter without PSK: {}", serial);
                return null;
            }
            return SecretUtil.create(HexFormat.of().parseHex(psk.strip()), "PSK");
        } catch (IllegalArgumentException e) {
            LOG.warn("Meter {} has a PSK that is not hex; DTLS refused", serial);
            return null;
        } catch (Exception e) {
            LOG.warn("PSK lookup for {} failed: {}", serial, e.toString());
            return null;
        }
    }
}
