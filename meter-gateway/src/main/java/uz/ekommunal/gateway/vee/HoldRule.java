package uz.ekommunal.gateway.vee;

import java.time.Duration;
import java.time.Instant;

/**
 * When a reading is held for an operator's review instead of being trusted at once: it lands in
 * a period billing has closed or is closing ({@code time <= closedThrough}), or it is backfilled
 * (a later reading of its register is already stored) more than {@code age} after its time. A
 * meter catching up in order after an outage is judged by validation alone; what it sends cannot
 * change a value billing has used unless the period is closed. Pure: no I/O, no clock.
 *
 * @param age zero: no age rule
 * @param closedThrough null: no period closed yet
 */
public record HoldRule(Duration age, Instant closedThrough) {

    public boolean holds(Instant time, Instant receivedAt, boolean backfilled) {
        if (closedThrough != null && !time.isAfter(closedThrough)) {
            return true;
        }
        return backfilled && !age.isZero() && Duration.between(time, receivedAt).compareTo(age) > 0;
    }
}
