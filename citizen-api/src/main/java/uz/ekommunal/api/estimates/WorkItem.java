package uz.ekommunal.api.estimates;

import java.util.Map;
import uz.ekommunal.api.appeals.Language;

/**
 * A kind of work in the catalogue, e.g. {@code TILING} per m². Items are data that administrators
 * add, so their names are data too, one per language.
 */
public record WorkItem(String code, WorkUnit unit, Map<Language, String> names, int position) {

    public WorkItem {
        names = Map.copyOf(names);
        for (Language l : Language.values()) {
            if (names.get(l) == null || names.get(l).isBlank()) {
                throw new IllegalArgumentException("work item " + code + " has no " + l + " name");
            }
        }
    }

    public String name(Language language) {
        return names.get(language);
    }
}
