package uz.ekommunal.simulator.it;

import java.util.Locale;
import java.util.UUID;

/** Unique names per test run, so runs on the same broker never see each other's messages. */
final class Fixtures {
    private Fixtures() {
    }

    static String uniquePrefix() {
        return "IT" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
