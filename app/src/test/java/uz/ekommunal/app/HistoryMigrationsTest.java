package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations add to history, never rewrite it: no migration of any module updates, deletes,
 * truncates, drops or retypes the tables a bill or a reading is proven from (readings, invoices,
 * their lines, the ledger, payments). A new column gets a default or stays empty for old rows;
 * a correction is a new ledger entry. UpgradeIT shows the same on a real database of the previous
 * release; this rule catches it before anyone runs it.
 */
class HistoryMigrationsTest {

    private static final String HISTORY = "(?:gateway\\.|billing\\.)?(readings|ledger_entries|invoices|invoice_lines|payments)\\b";

    private static final Pattern REWRITE = Pattern.compile("(?im)^\\s*(?:update\\s+" + HISTORY
            + "|delete\\s+from\\s+" + HISTORY + "|truncate\\s+(?:table\\s+)?" + HISTORY
            + "|drop\\s+table\\s+(?:if\\s+exists\\s+)?" + HISTORY
            + "|alter\\s+table\\s+(?:only\\s+)?" + HISTORY + "\\s+(?:alter\\s+column\\s+\\w+\\s+(?:set\\s+data\\s+)?type|drop\\s+column))");

    @Test
    void noMigrationRewritesHistoryInPlace() throws IOException {
        List<Path> migrations = migrations();
        assertThat(migrations).as("every module's migrations found").hasSizeGreaterThan(10);
        for (Path migration : migrations) {
            Matcher m = REWRITE.matcher(Files.readString(migration));
            assertThat(m.find()).as("%s rewrites history: %s", migration, m.find(0) ? m.group().trim() : "").isFalse();
        }
    }

    @Test
    void theRuleCatchesARewrite() {
        assertThat(REWRITE.matcher("update billing.invoice_lines set amount_tiyin = 0;").find()).isTrue();
        assertThat(REWRITE.matcher("  DELETE FROM readings where ts < now();").find()).isTrue();
        assertThat(REWRITE.matcher("alter table billing.ledger_entries alter column amount_tiyin type numeric;").find())
                .isTrue();
        assertThat(REWRITE.matcher("alter table billing.invoices add column due_date date;").find()).isFalse();
        assertThat(REWRITE.matcher("update billing.accounts set holder = 'x';").find()).isFalse();
    }

    private static List<Path> migrations() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root, 8)) {
            return files.filter(p -> p.toString().contains("/src/main/resources/db/migration/"))
                    .filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
