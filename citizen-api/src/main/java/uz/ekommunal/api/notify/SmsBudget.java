package uz.ekommunal.api.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.ConfigException;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SMS budget of the whole system per clock hour ({@code api.sms_budget}). Sign-in codes may
 * use all of it; everything else (appeal notices, phone confirmations) at most
 * {@code perHour - signInReserve}, so a flood of appeals cannot stop people signing in. Each SMS is
 * taken by one conditional UPDATE of the hour's row: parallel senders on any node queue on that
 * row and can never pass the budget together. Blocking (JDBC).
 */
public final class SmsBudget {

    /** Which share an SMS is taken from. */
    public enum Kind { SIGN_IN, OTHER }

    /**
     * @param perHour SMS the system sends in one clock hour (EKOMMUNAL_SMS_PER_HOUR)
     * @param signInReserve of those, how many only sign-in codes may use (EKOMMUNAL_SMS_SIGN_IN_RESERVE)
     */
    public record Limits(int perHour, int signInReserve) {

        public static final Setting<Integer> SMS_PER_HOUR = new Setting<>("EKOMMUNAL_SMS_PER_HOUR", "2000",
                "SMS the whole system may send in one clock hour (sign-in codes, appeal notices, phone confirmations). "
                        + "Over it, sign-in codes and confirmations are refused (429) and notices wait for a later hour.",
                Parsers.integer(1, 10_000_000));
        public static final Setting<Integer> SMS_SIGN_IN_RESERVE = new Setting<>("EKOMMUNAL_SMS_SIGN_IN_RESERVE", "500",
                "Of EKOMMUNAL_SMS_PER_HOUR, how many only sign-in codes may use, so a flood of appeals cannot stop "
                        + "sign-ins. Less than EKOMMUNAL_SMS_PER_HOUR.", Parsers.integer(0, 10_000_000));

        /** The keys' defaults. */
        public static final Limits DEFAULTS = from(Config.defaults());

        /** The hourly SMS budget; a reserve not below the budget stops start-up naming both keys. */
        public static Limits from(Config config) {
            int perHour = config.get(SMS_PER_HOUR);
            int reserve = config.get(SMS_SIGN_IN_RESERVE);
            if (reserve >= perHour) {
                throw new ConfigException("EKOMMUNAL_SMS_SIGN_IN_RESERVE='" + reserve + "' must be less than "
                        + "EKOMMUNAL_SMS_PER_HOUR='" + perHour
                        + "' (the rest is for appeal notices and confirmations)");
            }
            return new Limits(perHour, reserve);
        }

        public Limits {
            if (perHour < 1 || signInReserve < 0 || signInReserve >= perHour) {
                throw new IllegalArgumentException("bad SMS budget: " + perHour + " an hour, " + signInReserve
                        + " reserved for sign-in codes (0 <= reserve < budget)");
            }
        }
    }

    /** Hours ahead a notice may wait for room before it is dropped. */
    private static final int NOTICE_HOURS_AHEAD = 24;

    private final Limits limits;
    private final Clock clock;
    private final AtomicLong refusedSignIn = new AtomicLong();
    private final AtomicLong refusedOther = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();

    public SmsBudget(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Takes one SMS from this hour, in the caller's transaction; false (and counted) when none is left. */
    public boolean take(Connection c, Kind kind) throws SQLException {
        boolean taken = take(c, kind, hour(clock.instant()));
        if (!taken) {
            (kind == Kind.SIGN_IN ? refusedSignIn : refusedOther).incrementAndGet();
        }
        return taken;
    }

    /**
     * Takes one SMS for a notice from the first hour with room, this one or up to a day later.
     *
     * @return when the notice may go (now, or the start of a later hour); empty when the next day is full
     */
    public Optional<Instant> takeForNotice(Connection c) throws SQLException {
        Instant now = clock.instant();
        Instant hour = hour(now);
        for (int i = 0; i <= NOTICE_HOURS_AHEAD; i++, hour = hour.plus(1, ChronoUnit.HOURS)) {
            if (take(c, Kind.OTHER, hour)) {
                if (i > 0) {
                    deferred.incrementAndGet();
                }
                return Optional.of(i == 0 ? now : hour);
            }
        }
        refusedOther.incrementAndGet();
        return Optional.empty();
    }

    /** How long until the next hour's budget opens. */
    public Duration untilNextHour() {
        Instant now = clock.instant();
        return Duration.between(now, hour(now).plus(1, ChronoUnit.HOURS));
    }

    private boolean take(Connection c, Kind kind, Instant hour) throws SQLException {
        try (PreparedStatement row = c.prepareStatement(
                "insert into api.sms_budget (hour) values (?) on conflict (hour) do nothing")) {
            row.setTimestamp(1, Timestamp.from(hour));
            row.executeUpdate();
        }
        String sql = kind == Kind.SIGN_IN
                ? "update api.sms_budget set sign_in = sign_in + 1 where hour = ? and sign_in + other < ? returning 1"
                : "update api.sms_budget set other = other + 1 where hour = ? and sign_in + other < ? and other < ?"
                        + " returning 1";
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(hour));
            update.setInt(2, limits.perHour());
            if (kind == Kind.OTHER) {
                update.setInt(3, limits.perHour() - limits.signInReserve());
            }
            try (ResultSet rs = update.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Instant hour(Instant t) {
        return t.truncatedTo(ChronoUnit.HOURS);
    }

    /** Prometheus lines: SMS refused or deferred by the budget. */
    public String metrics() {
        return "# HELP ekommunal_sms_budget_refused_total SMS refused because the hour's budget was used up.\n"
                + "# TYPE ekommunal_sms_budget_refused_total counter\n"
                + "ekommunal_sms_budget_refused_total{kind=\"sign_in\"} " + refusedSignIn.get() + "\n"
                + "ekommunal_sms_budget_refused_total{kind=\"other\"} " + refusedOther.get() + "\n"
                + "# HELP ekommunal_sms_budget_deferred_total Notices sent in a later hour for want of budget.\n"
                + "# TYPE ekommunal_sms_budget_deferred_total counter\n"
                + "ekommunal_sms_budget_deferred_total " + deferred.get() + "\n";
    }
}
