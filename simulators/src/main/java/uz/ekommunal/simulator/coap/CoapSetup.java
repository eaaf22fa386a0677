package uz.ekommunal.simulator.coap;

import java.net.InetSocketAddress;
import java.util.HexFormat;

import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/** Californium endpoints for meters: plain CoAP, or DTLS with the meter's own pre-shared key. */
public final class CoapSetup {
    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private CoapSetup() {
    }

    /** Californium's defaults, without reading or writing a Californium3.properties file. */
    public static Configuration configuration() {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        return config;
    }

    /** A plain CoAP endpoint on an ephemeral local port, shared by many meters. */
    public static CoapEndpoint plainEndpoint() {
        return new CoapEndpoint.Builder()
                .setConfiguration(configuration())
                .setInetSocketAddress(new InetSocketAddress(0))
                .build();
    }

    /** A DTLS endpoint for one meter: PSK identity is the serial, the key is the meter's hex PSK. */
    public static CoapEndpoint dtlsEndpoint(String serial, String hexPsk) {
        Configuration config = configuration();
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(serial, HexFormat.of().parseHex(hexPsk)))
                .build();
        return new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setConnector(new DTLSConnector(dtls))
                .build();
    }
}
