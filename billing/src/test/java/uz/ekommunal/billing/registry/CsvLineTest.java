package uz.ekommunal.billing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvLineTest {

    @Test
    void splitsPlainAndQuotedFields() {
        assertThat(CsvLine.split("a, b ,,\"Navoiy 5, kv. 12\",\"say \"\"hi\"\"\"")).containsExactly("a", "b", "",
                "Navoiy 5, kv. 12", "say \"hi\"");
        assertThat(CsvLine.split("x,")).containsExactly("x", "");
        assertThat(CsvLine.split("")).containsExactly("");
    }

    @Test
    void brokenQuotingIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> CsvLine.split("a,\"Navoiy 5, kv. 12,b")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> CsvLine.split("a,\"Navoiy\" 5,b")).hasMessageContaining("after a closing quote");
        assertThatThrownBy(() -> CsvLine.split("a,Nav\"oiy,b")).hasMessageContaining("column 6");
    }
}
