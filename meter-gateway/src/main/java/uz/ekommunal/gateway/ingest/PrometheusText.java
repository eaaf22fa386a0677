package uz.ekommunal.gateway.ingest;

import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.RejectReason;
import uz.ekommunal.gateway.vee.QualityFlag;

/** Renders the ingestion counters in the Prometheus text format. */
public final class PrometheusText {

    private PrometheusText() {
    }

    public static String render(IngestCounters counters, int queuedReadings, long spoolBytes, int metersOffline) {
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
                .append("ekommunal_ingest_queue_readings ").append(queuedReadings).append('\n')
                .append("# HELP ekommunal_spool_bytes Bytes of readings spooled on disk while the database is away.\n")
                .append("# TYPE ekommunal_spool_bytes gauge\n")
                .append("ekommunal_spool_bytes ").append(spoolBytes).append('\n')
                .append("# HELP ekommunal_readings_spooled_total Readings that went through the spool.\n")
                .append("# TYPE ekommunal_readings_spooled_total counter\n")
                .append("ekommunal_readings_spooled_total ").append(counters.spooled()).append('\n')
                .append("# HELP ekommunal_reading_conflicts_total Readings that arrived with another value for a stored time.\n")
                .append("# TYPE ekommunal_reading_conflicts_total counter\n")
                .append("ekommunal_reading_conflicts_total ").append(counters.conflicts()).append('\n')
                .append("# HELP ekommunal_batch_seconds Time spent writing batches.\n")
                .append("# TYPE ekommunal_batch_seconds summary\n")
                .append("ekommunal_batch_seconds_sum ").append(counters.batchNanos() / 1e9).append('\n')
                .append("ekommunal_batch_seconds_count ").append(counters.batches()).append('\n');
        out.append("# HELP ekommunal_packs_poison_total Packs the database refused for their data (quarantined).\n")
                .append("# TYPE ekommunal_packs_poison_total counter\n")
                .append("ekommunal_packs_poison_total ").append(counters.poison()).append('\n')
                .append("# HELP ekommunal_quarantine_over_budget_total Quarantine rows not stored: their meter or source "
                        + "was over its hourly budget.\n")
                .append("# TYPE ekommunal_quarantine_over_budget_total counter\n")
                .append("ekommunal_quarantine_over_budget_total ").append(counters.quarantineOverBudget()).append('\n');
        out.append("# HELP ekommunal_meters_offline Polled (Modbus) meters that stopped answering.\n")
                .append("# TYPE ekommunal_meters_offline gauge\n")
                .append("ekommunal_meters_offline ").append(metersOffline).append('\n');
        out.append("# HELP ekommunal_readings_flagged_total Stored readings flagged by validation, per flag.\n")
                .append("# TYPE ekommunal_readings_flagged_total counter\n");
        for (QualityFlag flag : QualityFlag.values()) {
            out.append("ekommunal_readings_flagged_total{flag=\"").append(flag.name().toLowerCase()).append("\"} ")
                    .append(counters.flagged(flag)).append('\n');
        }
        return out.toString();
    }
}
