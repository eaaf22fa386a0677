package uz.ekommunal.billing.payregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every fault has its text in uz, ru and en, and nothing else is in the catalogues. */
class RegistryTextsTest {

    @Test
    void everyFaultHasATextInEachLanguage() {
        for (Locale locale : List.of(RegistryTexts.UZ, RegistryTexts.RU, RegistryTexts.EN)) {
            ResourceBundle bundle = RegistryTexts.bundle(locale);
            assertThat(bundle.getLocale().getLanguage()).isEqualTo(locale.getLanguage());
            for (RowFault fault : RowFault.values()) {
                assertThat(bundle.containsKey("fault." + fault.name())).as(locale + " " + fault).isTrue();
            }
            assertThat(bundle.keySet()).hasSize(RowFault.values().length);
        }
    }

    @Test
    void aTextNamesTheValuesOfTheRow() {
        RowProblem p = RowProblem.of(7, "amount", RowFault.BAD_AMOUNT, "12,50");
        assertThat(RegistryTexts.describe(p, RegistryTexts.EN)).startsWith("'12,50' is not an amount (so'm above zero");
        assertThat(RegistryTexts.describe(p, RegistryTexts.locale("ru-RU,ru;q=0.9"))).startsWith("«12,50» не сумма");
        assertThat(RegistryTexts.describe(p, RegistryTexts.locale("uz"))).startsWith("«12,50» summa emas");
    }
}
