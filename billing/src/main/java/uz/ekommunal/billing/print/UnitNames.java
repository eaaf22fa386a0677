package uz.ekommunal.billing.print;

/** Units as people read them in the language printed first: kVt·soat / кВт·ч, m³ / м³ (the engine says kWh, m3). */
final class UnitNames {

    private UnitNames() {
    }

    static String of(String label, Language language) {
        if (label == null) {
            return "";
        }
        boolean ru = language == Language.RUSSIAN;
        return switch (label) {
            case "kWh" -> ru ? "кВт·ч" : "kVt·soat";
            case "m3" -> ru ? "м³" : "m³";
            case "Gcal" -> ru ? "Гкал" : "Gkal";
            case "m2" -> ru ? "м²" : "m²";
            case "m2-month" -> ru ? "м²·мес" : "m²·oy";
            default -> label;
        };
    }
}
