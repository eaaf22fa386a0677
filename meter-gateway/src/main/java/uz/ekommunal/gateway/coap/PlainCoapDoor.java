package uz.ekommunal.gateway.coap;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import uz.ekommunal.gateway.auth.DoorCounters;
import uz.ekommunal.gateway.auth.DoorCounters.Refusal;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.PayloadRejected;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.senml.SenmlParser;

/**
 * Plain CoAP proves nothing about the sender, so it is open only to meters registered as keyless:
 * protocol {@code coap} and no DTLS key. A meter with a key must come over DTLS (4.01); a meter that
 * speaks MQTT or Modbus never posts over CoAP (4.03). Unknown serials and malformed packs pass on to
 * ingestion, which answers them (4.04, 4.00) and keeps them in quarantine.
 */
final class PlainCoapDoor {

    /** Why a plain post is refused: the answer and what is counted. */
    record Refused(ResponseCode code, String message, Refusal refusal) {
    }

    private final MeterRegistry registry;
    private final SenmlParser parser;
    private final DoorCounters counters;
    private final Clock clock;

    PlainCoapDoor(MeterRegistry registry, SenmlParser parser, DoorCounters counters, Clock clock) {
        this.registry = registry;
        this.parser = parser;
        this.counters = counters;
        this.clock = clock;
    }

    /** Blocking (the registry may ask the database): empty when the post may go on. */
    Optional<Refused> check(byte[] payload) throws Exception {
        Set<String> serials = new LinkedHashSet<>();
        try {
            for (MeterReading reading : parser.parse(payload, null, Protocol.COAP, clock.instant())) {
                serials.add(reading.serial());
            }
        } catch (PayloadRejected e) {
            return Optional.empty(); // ingestion rejects it with the diagnostic
        }
        for (String serial : serials) {
            Optional<Meter> meter = registry.find(serial);
            if (meter.isEmpty()) {
                continue;
            }
            if (meter.get().psk() != null && !meter.get().psk().isBlank()) {
                counters.refused(Refusal.COAP_KEYED_METER_PLAIN);
                return Optional.of(new Refused(ResponseCode.UNAUTHORIZED,
                        "meter " + serial + " has a key: post over DTLS (coaps) under its own identity",
                        Refusal.COAP_KEYED_METER_PLAIN));
            }
            if (!"coap".equals(meter.get().protocol())) {
                counters.refused(Refusal.COAP_NOT_COAP_METER);
                return Optional.of(new Refused(ResponseCode.FORBIDDEN,
                        "meter " + serial + " is registered for " + meter.get().protocol() + ", not CoAP",
                        Refusal.COAP_NOT_COAP_METER));
            }
        }
        return Optional.empty();
    }
}
