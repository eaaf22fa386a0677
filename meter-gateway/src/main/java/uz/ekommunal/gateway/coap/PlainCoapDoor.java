package uz.ekommunal.gateway.coap;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
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

    /**
     * What the door made of a pack: refused, or let through with its readings (parsed once here, for
     * ingestion to store as they are), or let through unparsed when it does not parse (ingestion
     * answers it with the diagnostic and keeps it in quarantine).
     */
    record Verdict(Refused refused, List<MeterReading> readings) {
        static final Verdict UNPARSED = new Verdict(null, null);
    }

    /** The pack's readings, or null when it does not parse. Never blocks. */
    List<MeterReading> read(byte[] payload) {
        try {
            return parser.parse(payload, null, Protocol.COAP, clock.instant());
        } catch (PayloadRejected e) {
            return null;
        }
    }

    /**
     * Decides from the registry's memory alone, without blocking: null when a serial is not in
     * memory and {@link #check} must ask the database.
     */
    Verdict checkCached(List<MeterReading> readings) {
        if (readings == null) {
            return Verdict.UNPARSED;
        }
        Refused refused = null;
        for (MeterReading reading : readings) {
            Meter meter = registry.cached(reading.serial());
            if (meter == null) {
                return null;
            }
            refused = refused != null ? refused : refusal(meter);
        }
        return verdict(refused, readings);
    }

    /** Blocking (the registry may ask the database). */
    Verdict check(List<MeterReading> readings) throws Exception {
        if (readings == null) {
            return Verdict.UNPARSED;
        }
        Set<String> serials = new LinkedHashSet<>();
        for (MeterReading reading : readings) {
            serials.add(reading.serial());
        }
        for (String serial : serials) {
            Optional<Meter> meter = registry.find(serial);
            if (meter.isPresent() && refusal(meter.get()) != null) {
                return verdict(refusal(meter.get()), readings);
            }
        }
        return verdict(null, readings);
    }

    private Verdict verdict(Refused refused, List<MeterReading> readings) {
        if (refused == null) {
            return new Verdict(null, readings);
        }
        counters.refused(refused.refusal());
        return new Verdict(refused, null);
    }

    /** Why this registered meter may not post over plain CoAP, or null when it may. */
    private static Refused refusal(Meter meter) {
        if (meter.psk() != null && !meter.psk().isBlank()) {
            return new Refused(ResponseCode.UNAUTHORIZED,
                    "meter " + meter.serial() + " has a key: post over DTLS (coaps) under its own identity",
                    Refusal.COAP_KEYED_METER_PLAIN);
        }
        if (!"coap".equals(meter.protocol())) {
            return new Refused(ResponseCode.FORBIDDEN,
                    "meter " + meter.serial() + " is registered for " + meter.protocol() + ", not CoAP",
                    Refusal.COAP_NOT_COAP_METER);
        }
        return null;
    }
}
