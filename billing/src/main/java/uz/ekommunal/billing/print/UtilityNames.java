package uz.ekommunal.billing.print;

import uz.ekommunal.tariff.Utility;

/** Printed names of the utilities, "Uzbek / Russian" in the order of the language. */
final class UtilityNames {

    private UtilityNames() {
    }

    static String of(Utility utility, Language language) {
        // A switch without default: a new utility fails the build here instead of printing a blank.
        String[] names = switch (utility) {
            case ELECTRICITY -> new String[] {"Elektr energiyasi", "Электроэнергия"};
            case NATURAL_GAS -> new String[] {"Tabiiy gaz", "Природный газ"};
            case COLD_WATER -> new String[] {"Sovuq suv", "Холодная вода"};
            case SEWERAGE -> new String[] {"Oqova suv", "Водоотведение"};
            case HOT_WATER -> new String[] {"Issiq suv", "Горячая вода"};
            case HEATING -> new String[] {"Isitish", "Отопление"};
            case GARBAGE -> new String[] {"Chiqindilarni olib ketish", "Вывоз бытовых отходов"};
        };
        return language == Language.RUSSIAN ? names[1] + " / " + names[0] : names[0] + " / " + names[1];
    }
}
