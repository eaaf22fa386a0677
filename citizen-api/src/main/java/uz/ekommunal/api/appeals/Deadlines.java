package uz.ekommunal.api.appeals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import uz.ekommunal.platform.HouseholdTime;

/**
 * The law's deadlines, counted as Uzbek law counts periods (Civil Code, periods in days and
 * months): the count starts on the day after the officer received the appeal, runs in calendar
 * days (or months), and a period that ends on a day off (Saturday, Sunday or a public holiday)
 * ends on the next working day instead. A deadline day lasts until midnight in Tashkent.
 *
 * <ul>
 *   <li>applications and complaints: 15 days; one month when extended (extra study, inspection,
 *       documents) with a recorded reason, counted from the same receipt;</li>
 *   <li>proposals: one month; the resident is told within 10 days if more study is needed;</li>
 *   <li>forwarding to the right organisation: within 5 days of receipt;</li>
 *   <li>rejection: by the end of the first working day after receipt.</li>
 * </ul>
 *
 * "Received" is when the appeal reached the officer responsible: when it was sent, or when it was
 * forwarded to the organisation now holding it. Plain Java; holidays are given.
 */
public final class Deadlines {

    public static final ZoneId TASHKENT = HouseholdTime.ZONE;
    public static final int ANSWER_DAYS = 15;
    public static final int FORWARD_DAYS = 5;
    public static final int STUDY_NOTICE_DAYS = 10;

    private final Set<LocalDate> holidays;

    public Deadlines(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean workingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** {@code day} itself if it is a working day, else the next working day. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!workingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    public static LocalDate day(Instant instant) {
        return instant.atZone(TASHKENT).toLocalDate();
    }

    /** The last day to answer. */
    public LocalDate answerBy(Kind kind, Instant received, boolean extended) {
        LocalDate start = day(received);
        LocalDate end = kind == Kind.PROPOSAL || extended ? start.plusMonths(1) : start.plusDays(ANSWER_DAYS);
        return onOrAfter(end);
    }

    public LocalDate forwardBy(Instant received) {
        return onOrAfter(day(received).plusDays(FORWARD_DAYS));
    }

    public LocalDate rejectBy(Instant received) {
        return onOrAfter(day(received).plusDays(1));
    }

    /** The last day to tell a proposal's author more study is needed (and for any extension). */
    public LocalDate studyNoticeBy(Instant received) {
        return onOrAfter(day(received).plusDays(STUDY_NOTICE_DAYS));
    }

    /** True once {@code lastDay} is over in Tashkent. */
    public static boolean passed(LocalDate lastDay, Instant now) {
        return day(now).isAfter(lastDay);
    }
}
