package uz.ekommunal.billing.overview;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The overviews last read on this node, each with the stamp it was read under and the moment it
 * holds until by time alone (an entry coming due, a new day); a lookup gives an overview only for
 * the stamp the database shows now, before that moment. Bounded: past {@code max} accounts it is
 * emptied and fills again from the reads (a miss costs one read, never a stale answer).
 */
final class OverviewCache {

    /** About 2 KB an account: 100 000 accounts (25 000 households) take about 200 MB at most. */
    static final int MAX_ACCOUNTS = 100_000;

    private record Entry(String stamp, AccountOverview overview, Instant until) {
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final int max;

    OverviewCache(int max) {
        this.max = max;
    }

    /** The overview cached for this account under this stamp and still holding {@code now}, or null. */
    AccountOverview get(long accountId, String stamp, Instant now) {
        Entry e = entries.get(accountId);
        return e != null && e.stamp().equals(stamp) && now.isBefore(e.until()) ? e.overview() : null;
    }

    /** Keeps an overview read under this stamp (in the same snapshot as the stamp), holding before {@code until}. */
    void put(long accountId, String stamp, AccountOverview overview, Instant until) {
        if (entries.size() >= max) {
            entries.clear();
        }
        entries.put(accountId, new Entry(stamp, overview, until));
    }
}
