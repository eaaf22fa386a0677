package uz.ekommunal.api.health;

/** One part the system needs, checked on demand. Checks may block; they run off the event loop. */
public interface HealthCheck {

    String name();

    /** @return null when healthy, else a short reason */
    String problem();
}
