package uz.ekommunal.api.accounts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How consumption is bucketed: by hour, day, week (from Monday) or month, in the households' zone. */
public enum GroupBy {
    HOUR, DAY, WEEK, MONTH;

    /** More buckets than this is a mistake (a year by hour), not a chart. */
    public static final int MAX_BUCKETS = 1_000;

    public static Optional<GroupBy> parse(String text) {
        try {
            return Optional.of(valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The start of the bucket holding {@code t}. */
    public ZonedDateTime floor(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return switch (this) {
            case HOUR -> z.truncatedTo(ChronoUnit.HOURS);
            case DAY -> z.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> z.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> z.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        };
    }

    private ZonedDateTime next(ZonedDateTime z) {
        return switch (this) {
            case HOUR -> z.plusHours(1);
            case DAY -> z.plusDays(1);
            case WEEK -> z.plusWeeks(1);
            case MONTH -> z.plusMonths(1);
        };
    }

    /**
     * Bucket edges covering [from, to): the first is the bucket start at or before {@code from},
     * the last the bucket end at or after {@code to}; n edges make n - 1 buckets.
     *
     * @return empty when that would be more than {@link #MAX_BUCKETS} buckets
     */
    public Optional<List<Instant>> edges(Instant from, Instant to, ZoneId zone) {
        List<Instant> edges = new ArrayList<>();
        ZonedDateTime z = floor(from, zone);
        edges.add(z.toInstant());
        while (z.toInstant().isBefore(to)) {
            z = next(z);
            edges.add(z.toInstant());
            if (edges.size() > MAX_BUCKETS + 1) {
                return Optional.empty();
            }
        }
        return Optional.of(edges);
    }
}
