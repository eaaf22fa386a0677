package uz.ekommunal.billing.account;

import java.util.Optional;
import uz.ekommunal.tariff.Utility;

/**
 * Which meter register (OBIS code) measures a billed utility. Sewerage is billed on the cold water
 * meter; garbage and heating by area have no register (a heat meter's Gcal register is used when
 * one is linked).
 */
public final class MeteredRegister {

    private MeteredRegister() {
    }

    public static Optional<String> of(Utility utility) {
        return Optional.ofNullable(switch (utility) {
            case ELECTRICITY -> "1-0:1.8.0";
            case NATURAL_GAS -> "7-0:3.0.0";
            case COLD_WATER, SEWERAGE -> "8-0:1.0.0";
            case HOT_WATER -> "9-0:1.0.0";
            case HEATING -> "6-0:1.0.0";
            case GARBAGE -> null;
        });
    }
}
