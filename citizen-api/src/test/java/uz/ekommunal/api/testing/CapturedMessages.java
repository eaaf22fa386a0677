package uz.ekommunal.api.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uz.ekommunal.api.notify.Delivery;
import uz.ekommunal.api.notify.DeliveryAdapter;
import uz.ekommunal.api.notify.OutboxMessage;

/** The SMS channel of a test: keeps what would have been sent, so the test can read the code. */
public final class CapturedMessages implements DeliveryAdapter {

    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)"); // the code, in any language
    private final List<OutboxMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public Delivery deliver(OutboxMessage message) {
        sent.add(message);
        return Delivery.sent();
    }

    public List<OutboxMessage> sent() {
        return List.copyOf(sent);
    }

    /** The text of the last message to this phone. */
    public String lastTo(String phone) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).recipient().equals(phone)) {
                return sent.get(i).body();
            }
        }
        throw new AssertionError("nothing was sent to " + phone);
    }

    /** The code in the last message to this phone. */
    public String lastCode(String phone) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            OutboxMessage m = sent.get(i);
            if (m.recipient().equals(phone)) {
                Matcher matcher = CODE.matcher(m.body());
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        }
        throw new AssertionError("no code was sent to " + phone + "; sent: " + sent);
    }
}
