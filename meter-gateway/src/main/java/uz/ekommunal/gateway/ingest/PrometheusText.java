package uz.ekommunal.gateway.ingest;

import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.RejectReason;

/** Renders the ingestion counters in the Prometheus text format. */
public final class PrometheusText {

    private PrometheusText() {
    }

    public static String render(IngestCounters counters, int queuedReadings) {
        StringBuilder out = new StringBuilder(2048);
        out.append("# HELP ekommunal_readings_received_total Readings parsed from payloads, per protocol.\n")
                .append("# TYPE ekommunal_readings_received_total counter\n");
        for (Protocol p : Protocol.values()) {
            out.append("ekommunal_readings_received_total{protocol=\"").append(p.label()).append("\"} ")
                    .append(counters.received(p)).append('\n');
        }
        out.append("# HELP ekommunal_payloads_rejected_total Payloads rejected, per protocol and reason.\n")
                .append("# TYPE ekommunal_payloads_rejected_total counter\n");
        for (Protocol p : Protocol.values()) {
            for (RejectReason r : RejectReason.values()) {
                out.append("ekommunal_payloads_rejected_total{protocol=\"").append(p.label()).append("\",reason=\"")
                        .append(r.label()).append("\"} ").append(counters.rejected(p, r)).append('\n');
            }
        }
        out.append("# HELP ekommunal_readings_written_total Readings of known meters written (new or repeats).\n")
                .append("# TYPE ekommunal_readings_written_total counter\n")
                .append("ekommunal_readings_written_total ").append(counters.written()).append('\n')
                .append("# HELP ekommunal_readings_stored_total Readings that were new rows.\n")
                .append("# TYPE ekommunal_readings_stored_total counter\n")
                .append("ekommunal_readings_stored_total ").append(counters.stored()).append('\n')
                .append("# HELP ekommunal_ingest_queue_readings Readings waiting to be written.\n")
                .append("# TYPE ekommunal_ingest_queue_readings gauge\n")
                .append("ekommunal_ingest_queue_readings ").append(queuedReadings).append('\n');
        return out.toString();
    }
}
