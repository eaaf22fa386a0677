package uz.ekommunal.gateway.coap;

import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import uz.ekommunal.gateway.auth.DoorCounters;
import uz.ekommunal.gateway.auth.DoorCounters.Refusal;
import uz.ekommunal.gateway.ingest.IngestResult;
import uz.ekommunal.gateway.ingest.ReadingIngest;
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
    private final ScheduledExecutorService timers;
    private final Duration retryAfter;
    private final Duration separateResponseAfter;
    private final PlainCoapDoor plainDoor;
    private final Executor checks;
    private final DoorCounters counters;
    private final int maxPayloadBytes;

    ReadingsResource(ReadingIngest ingest, ScheduledExecutorService timers, Duration retryAfter,
            Duration separateResponseAfter, PlainCoapDoor plainDoor, Executor checks, DoorCounters counters,
            int maxPayloadBytes) {
        super("readings");
        this.ingest = ingest;
        this.plainDoor = plainDoor;
        this.checks = checks;
        this.counters = counters;
        this.maxPayloadBytes = maxPayloadBytes;
        this.timers = timers;
        this.retryAfter = retryAfter;
        this.separateResponseAfter = separateResponseAfter;
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
            store(exchange, identity, "coaps:" + identity + "@" + exchange.getSourceSocketAddress());
            return;
        }
        try {
            // the registry may ask the database: not on Californium's thread
            checks.execute(() -> checkPlain(exchange));
        } catch (RejectedExecutionException e) {
            exchange.respond(unavailable("the gateway is stopping"));
        }
    }

    private void checkPlain(CoapExchange exchange) {
        Optional<PlainCoapDoor.Refused> refused;
        try {
            refused = plainDoor.check(exchange.getRequestPayload());
        } catch (Exception e) {
            exchange.respond(unavailable("meter registry unavailable"));
            return;
        }
        if (refused.isPresent()) {
            exchange.respond(text(refused.get().code(), refused.get().message()));
            return;
        }
        store(exchange, null, "coap:" + exchange.getSourceSocketAddress());
    }

    private void store(CoapExchange exchange, String identity, String source) {
        CompletableFuture<IngestResult> result =
                ingest.accept(Protocol.COAP, source, identity, exchange.getRequestPayload());
        if (result == null) {
            exchange.respond(unavailable("writer busy"));
            return;
        }
        PendingAnswer answer = new PendingAnswer(exchange);
        if (!result.isDone()) {
            scheduleSeparateAck(answer);
        }
        result.whenComplete((outcome, error) -> answer.respond(error == null ? answerFor(outcome, identity)
                : unavailable("not stored: the gateway is stopping")));
    }

    private void scheduleSeparateAck(PendingAnswer answer) {
        try {
            timers.schedule(answer::acceptIfPending, separateResponseAfter.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping: the answer still goes out piggybacked, or the meter retransmits
        }
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

    /** One exchange's answer: an empty ACK first if storing takes long, then exactly one response. */
    private static final class PendingAnswer {
        private final CoapExchange exchange;
        private boolean responded;

        PendingAnswer(CoapExchange exchange) {
            this.exchange = exchange;
        }

        synchronized void acceptIfPending() {
            if (!responded) {
                exchange.accept();
            }
        }

        synchronized void respond(Response response) {
            if (!responded) {
                responded = true;
                exchange.respond(response);
            }
        }
    }
}
