package uz.ekommunal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No module's SQL names another module's schema; and the check finds one planted. */
class SchemaOwnershipTest {

    /** The repository root: the app module runs its tests in app/. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void noModuleNamesAnotherModulesSchema() {
        for (String module : new String[] {"platform", "tariff-engine", "meter-gateway", "billing", "citizen-api",
                "simulators", "app"}) {
            Path main = ROOT.resolve(module).resolve("src/main");
            assertThat(Files.isDirectory(main)).as(main.toString()).isTrue();
            assertThat(SchemaOwnership.violations(module, main)).as(module).isEmpty();
        }
    }

    @Test
    void aPlantedCrossSchemaQueryIsFound(@TempDir Path main) throws Exception {
        Path java = main.resolve("java/Sneaky.java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, """
                class Sneaky {
                    String sql = "select count(*) from gateway.readings r where r.meter_id = ?";
                    String block = \"""
                            select 1 from api.linked_accounts la
                              join billing.account_meters am on am.account_id = la.account_id\""";
                    String words = "billing.accounts() is a method, tariff.add an audit action";
                }
                """);
        Path sql = main.resolve("resources/db/migration/api/V1__x.sql");
        Files.createDirectories(sql.getParent());
        Files.writeString(sql, "alter table api.users add column x int references billing.accounts (id);");

        assertThat(SchemaOwnership.violations("citizen-api", main)).containsExactly(
                "java/Sneaky.java: billing.account_meters", "java/Sneaky.java: gateway.readings",
                "resources/db/migration/api/V1__x.sql: billing.accounts");
        assertThat(SchemaOwnership.violations("meter-gateway", main)).contains("java/Sneaky.java: api.linked_accounts")
                .doesNotContain("java/Sneaky.java: gateway.readings");
    }
}
