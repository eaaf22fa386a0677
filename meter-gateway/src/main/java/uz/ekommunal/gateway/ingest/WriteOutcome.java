package uz.ekommunal.gateway.ingest;

import java.util.Set;

/**
 * What became of one submission once it is durable: how many readings were accepted (a repeat
 * of a stored reading is accepted and changes nothing), and which serials were unknown (their
 * readings went to quarantine).
 */
public record WriteOutcome(int accepted, Set<String> unknownSerials, boolean quarantined) {

    static WriteOutcome quarantinedOnly() {
        return new WriteOutcome(0, Set.of(), true);
    }

    public boolean hasUnknownMeter() {
        return !unknownSerials.isEmpty();
    }
}
