package uz.ekommunal.tariff;

/** Which homes a tariff version is for: with a meter, without one, or both. */
public enum MeterCondition {
    METERED,
    UNMETERED,
    ANY;

    public boolean matches(boolean metered) {
        return this == ANY || (this == METERED) == metered;
    }
}
