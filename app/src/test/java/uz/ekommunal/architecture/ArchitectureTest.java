package uz.ekommunal.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.billing.planted.BillsFromTheDoor;
import uz.ekommunal.gateway.planted.AnswersInHttp;
import uz.ekommunal.gateway.store.planted.StoreOnTheEventLoop;
import uz.ekommunal.tariff.planted.PricesOverHttp;

/**
 * The architecture rules hold for every module's main classes, and each one fails on a class
 * planted to break it (so a rule that checks nothing would be noticed).
 */
class ArchitectureTest {

    /** Main classes only: not this module's tests, not the modules' test-jars (the test kit). */
    private static final ImportOption MAIN_ONLY = location -> !location.contains("/test-classes/")
            && !location.contains("-tests.jar");

    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(MAIN_ONLY).importPackages("uz.ekommunal");
    }

    @Test
    void everyModuleIsImported() {
        for (String pkg : new String[] {"uz.ekommunal.storage", "uz.ekommunal.platform", "uz.ekommunal.tariff",
                "uz.ekommunal.gateway", "uz.ekommunal.billing", "uz.ekommunal.api", "uz.ekommunal.app"}) {
            assertThat(main.containPackage(pkg)).as(pkg).isTrue();
        }
        assertThat(main.stream().noneMatch(c -> c.getPackageName().contains(".planted"))).isTrue();
    }

    @Test
    void theMainClassesKeepEveryRule() {
        for (ArchRule rule : new ArchRule[] {ArchitectureRules.TARIFF_ENGINE_IS_PURE_JAVA,
                ArchitectureRules.BILLING_KNOWS_NO_VERTX, ArchitectureRules.GATEWAY_CORE_KNOWS_NO_TRANSPORT,
                ArchitectureRules.GATEWAY_DOORS_ARE_INTERNAL, ArchitectureRules.LAYERS_POINT_DOWN}) {
            rule.check(main);
        }
    }

    @Test
    void aFrameworkInTheTariffEngineFails() {
        assertBroken(ArchitectureRules.TARIFF_ENGINE_IS_PURE_JAVA, PricesOverHttp.class, "io.vertx.core.json.JsonObject");
    }

    @Test
    void vertxInBillingFails() {
        assertBroken(ArchitectureRules.BILLING_KNOWS_NO_VERTX, BillsFromTheDoor.class, "io.vertx.core.json.JsonArray");
    }

    @Test
    void aTransportInTheGatewayCoreFails() {
        assertBroken(ArchitectureRules.GATEWAY_CORE_KNOWS_NO_TRANSPORT, StoreOnTheEventLoop.class, "io.vertx.core.Vertx");
    }

    @Test
    void reachingIntoTheGatewaysDoorsFails() {
        assertBroken(ArchitectureRules.GATEWAY_DOORS_ARE_INTERNAL, BillsFromTheDoor.class, "MeterTopics");
    }

    @Test
    void aLayerPointingUpFails() {
        assertBroken(ArchitectureRules.LAYERS_POINT_DOWN, AnswersInHttp.class, "uz.ekommunal.api.http.ApiError",
                ApiError.class);
    }

    /** @param others classes imported beside the planted one (a layer's rule looks only at imported ones) */
    private static void assertBroken(ArchRule rule, Class<?> planted, String named, Class<?>... others) {
        java.util.List<Class<?>> imported = new java.util.ArrayList<>(java.util.List.of(others));
        imported.add(planted);
        JavaClasses classes = new ClassFileImporter().importClasses(imported);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(planted.getSimpleName()).hasMessageContaining(named);
    }
}
