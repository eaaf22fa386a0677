package uz.ekommunal.billing.account;

/** How a home is heated (a household fact; the heat company bills only {@link #CENTRAL}). */
public enum HeatingType {
    CENTRAL, GAS_BOILER, ELECTRIC, SOLID_FUEL, NONE
}
