package uz.ekommunal.api.appeals;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The appeal state machine as a table: for each status, the actions allowed and where they lead.
 * Plain Java, so the table is tested without a server. Timing rules (forward within 5 days,
 * reject within 1 working day) are checked by {@link Deadlines}. An appeal is answered only once
 * accepted: the law has the officer tell the resident it was accepted for review first.
 */
public final class Workflow {

    private static final Map<Status, Map<Action, Status>> TABLE = new EnumMap<>(Status.class);

    static {
        allow(Status.DRAFT, Action.SAVE, Status.DRAFT);
        allow(Status.DRAFT, Action.SEND, Status.SENT);
        for (Status waiting : new Status[] {Status.SENT, Status.FORWARDED}) {
            allow(waiting, Action.ACCEPT, Status.ACCEPTED);
            allow(waiting, Action.FORWARD, Status.FORWARDED);
            allow(waiting, Action.REJECT, Status.REJECTED);
            allow(waiting, Action.EXTEND, waiting);
        }
        allow(Status.ACCEPTED, Action.FORWARD, Status.FORWARDED);
        allow(Status.ACCEPTED, Action.REJECT, Status.REJECTED);
        allow(Status.ACCEPTED, Action.ANSWER, Status.ANSWERED);
        allow(Status.ACCEPTED, Action.EXTEND, Status.ACCEPTED);
        allow(Status.ANSWERED, Action.CLOSE, Status.CLOSED);
        allow(Status.REJECTED, Action.CLOSE, Status.CLOSED);
    }

    private Workflow() {
    }

    private static void allow(Status from, Action action, Status to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(Action.class)).put(action, to);
    }

    /** The status after {@code action}, or empty when the action is not allowed from {@code from}. */
    public static Optional<Status> next(Status from, Action action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }
}
