package uz.ekommunal.gateway.coap;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import uz.ekommunal.gateway.auth.DoorCounters;
import uz.ekommunal.gateway.coap.SeparateAcks.PendingAnswer;
import uz.ekommunal.gateway.auth.DoorCounters.Refusal;
import uz.ekommunal.gateway.ingest.IngestResult;
import uz.ekommunal.gateway.ingest.ReadingIngest;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.RejectReason;

/**
 * {@code POST /readings}: a SenML JSON pack from a meter. The answer is sent from the durable
 * future, never by a Californium thread waiting for it: 2.04 once stored, 4.00 with a diagnostic
 * for a payload that cannot be used, 4.04 when the meter is not registered, 4.15 for another
 * content format, 5.03 with Max-Age when the writer is full or the gateway is stopping.
 * Over DTLS the PSK identity vouches for the serial: a pack for another meter gets 4.03. Over plain
 * CoAP only keyless meters may post ({@link PlainCoapDoor}: 4.01 for a meter with a key, 4.03 for one
 * that does not speak CoAP). A pack over the size limit gets 4.13.
 */
final class ReadingsResource extends CoapResource {

    private final ReadingIngest ingest;
    private final SeparateAcks separateAcks;
    private final Duration retryAfter;
    private final PlainCoapDoor plainDoor;
    private final Executor checks;
    private final DoorCounters counters;
    private final int maxPayloadBytes;

    ReadingsResource(ReadingIngest ingest, SeparateAcks separateAcks, Duration retryAfter, PlainCoapDoor plainDoor,
            Executor checks, DoorCounters counters, int maxPayloadBytes) {
        super("readings");
        this.ingest = ingest;
        this.plainDoor = plainDoor;
        this.checks = checks;
        this.counters = counters;
        this.maxPayloadBytes = maxPayloadBytes;
        this.separateAcks = separateAcks;
        this.retryAfter = retryAfter;
        getAttributes().setTitle("Meter readings (SenML JSON)");
        getAttributes().addContentType(MediaTypeRegistry.APPLICATION_SENML_JSON);
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        int format = exchange.getRequestOptions().getContentFormat();
        // No content-format option at all is taken as JSON: the parser refuses what is not.
        if (format != MediaTypeRegistry.APPLICATION_SENML_JSON && format != MediaTypeRegistry.APPLICATION_JSON
                && format != MediaTypeRegistry.UNDEFINED) {
            exchange.respond(ResponseCode.UNSUPPORTED_CONTENT_FORMAT,
                    "content-format must be 110 (application/senml+json) or 50 (application/json)");
            return;
        }
        if (exchange.getRequestPayloadSize() > maxPayloadBytes) {
            counters.refused(Refusal.COAP_TOO_LARGE);
            exchange.respond(ResponseCode.REQUEST_ENTITY_TOO_LARGE, "largest pack: " + maxPayloadBytes + " bytes");
            return;
        }
        String identity = pskIdentity(exchange);
        if (identity != null) {
            store(exchange, identity, ingest.accept(Protocol.COAP, "coaps:" + identity + "@"
                    + exchange.getSourceSocketAddress(), identity, exchange.getRequestPayload()));
            return;
        }
        // parsed once, here; the meters are nearly always in the registry's memory: decided on this thread
        List<MeterReading> readings = plainDoor.read(exchange.getRequestPayload());
        PlainCoapDoor.Verdict verdict = plainDoor.checkCached(readings);
        if (verdict != null) {
            admitPlain(exchange, verdict);
            return;
        }
        try {
            // the registry must ask the database: not on Californium's thread
            checks.execute(() -> checkPlain(exchange, readings));
        } catch (RejectedExecutionException e) {
            exchange.respond(unavailable("the gateway is stopping"));
        }
    }

    private void checkPlain(CoapExchange exchange, List<MeterReading> readings) {
        PlainCoapDoor.Verdict verdict;
        try {
            verdict = plainDoor.check(readings);
        } catch (Exception e) {
            exchange.respond(unavailable("meter registry unavailable"));
            return;
        }
        admitPlain(exchange, verdict);
    }

    private void admitPlain(CoapExchange exchange, PlainCoapDoor.Verdict verdict) {
        if (verdict.refused() != null) {
            exchange.respond(text(verdict.refused().code(), verdict.refused().message()));
            return;
        }
        String source = "coap:" + exchange.getSourceSocketAddress();
        if (verdict.readings() == null) {
            store(exchange, null, ingest.accept(Protocol.COAP, source, null, exchange.getRequestPayload()));
        } else {
            store(exchange, null,
                    ingest.acceptParsed(Protocol.COAP, source, verdict.readings(), exchange.getRequestPayload()));
        }
    }

    private void store(CoapExchange exchange, String identity, CompletableFuture<IngestResult> result) {
        if (result == null) {
            exchange.respond(unavailable("writer busy"));
            return;
        }
        PendingAnswer answer = new PendingAnswer(exchange);
        if (!result.isDone()) {
            separateAcks.watch(answer);
        }
        result.whenComplete((outcome, error) -> answer.respond(error == null ? answerFor(outcome, identity)
                : unavailable("not stored: the gateway is stopping")));
    }

    private Response answerFor(IngestResult outcome, String identity) {
        if (identity != null && outcome.isRejected() && outcome.rejection().reason() == RejectReason.TOPIC_MISMATCH) {
            counters.refused(Refusal.COAP_PACK_NOT_OWN); // kept in quarantine; the meter is told it may not
            return text(ResponseCode.FORBIDDEN, "identity " + identity + " may post only its own readings: "
                    + outcome.rejection().diagnostic());
        }
        if (outcome.isRejected()) {
            return text(ResponseCode.BAD_REQUEST, outcome.rejection().diagnostic());
        }
        if (outcome.hasUnknownMeter()) {
            return text(ResponseCode.NOT_FOUND, "unknown meter: " + String.join(", ", outcome.unknownSerials()));
        }
        return new Response(ResponseCode.CHANGED);
    }

    private Response unavailable(String why) {
        Response response = text(ResponseCode.SERVICE_UNAVAILABLE, why);
        response.getOptions().setMaxAge(retryAfter.toSeconds());
        return response;
    }

    private static Response text(ResponseCode code, String payload) {
        Response response = new Response(code);
        response.setPayload(payload);
        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
        return response;
    }

    /** The meter serial a DTLS session was keyed with, or null over plain CoAP. */
    private static String pskIdentity(CoapExchange exchange) {
        Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
        return peer instanceof PreSharedKeyIdentity psk ? psk.getIdentity() : null;
    }
}
