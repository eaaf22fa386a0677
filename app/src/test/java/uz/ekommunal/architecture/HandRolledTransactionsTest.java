package uz.ekommunal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No main file opens a transaction by hand outside the allow-list; and the check finds one planted. */
class HandRolledTransactionsTest {

    /** The repository root: the app module runs its tests in app/. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void noMainFileTurnsAutoCommitOffOutsideTheAllowList() {
        assertThat(Files.isDirectory(ROOT.resolve("billing/src/main/java"))).isTrue();
        assertThat(HandRolledTransactions.violations(ROOT, HandRolledTransactions.ALLOWED)).isEmpty();
    }

    @Test
    void everyAllowedFileStillNeedsIt() throws Exception {
        for (String allowed : HandRolledTransactions.ALLOWED) {
            Path path = ROOT.resolve(allowed);
            assertThat(path).as(allowed).exists();
            if (!allowed.endsWith("/")) {
                assertThat(Files.readString(path)).as(allowed).contains("setAutoCommit(false)");
            }
        }
    }

    @Test
    void aPlantedHandRolledTransactionIsFound(@TempDir Path root) throws Exception {
        plant(root, "billing/src/main/java/uz/ekommunal/billing/Sneaky.java", """
                class Sneaky {
                    void pay(java.sql.Connection c) throws java.sql.SQLException {
                        c.setAutoCommit( false );
                        c.commit();
                    }
                }
                """);
        plant(root, "billing/src/main/java/uz/ekommunal/billing/Said.java", """
                class Said {
                    void pay(java.sql.Connection c) throws java.sql.SQLException {
                        // not c.setAutoCommit(false): Transactions does it
                        c.setAutoCommit(true);
                    }
                }
                """);
        plant(root, "billing/src/test/java/uz/ekommunal/billing/SneakyIT.java",
                "class SneakyIT { { c.setAutoCommit(false); } }");
        plant(root, "billing/src/main/java/uz/ekommunal/billing/run/Shard.java",
                "class Shard { { c.setAutoCommit(false); } }");

        assertThat(HandRolledTransactions.violations(root, HandRolledTransactions.ALLOWED))
                .containsExactly("billing/src/main/java/uz/ekommunal/billing/Sneaky.java");
        assertThat(HandRolledTransactions.violations(root, java.util.List.of())).containsExactly(
                "billing/src/main/java/uz/ekommunal/billing/Sneaky.java",
                "billing/src/main/java/uz/ekommunal/billing/run/Shard.java");
    }

    private static void plant(Path root, String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
