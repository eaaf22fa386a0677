package uz.ekommunal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture the design describes, as rules (DESIGN.md, issue 21): layers that only point
 * down (platform, tariff-engine, gateway and billing, citizen-api, app), cores without frameworks,
 * and each module's inner workings kept inside it.
 */
final class ArchitectureRules {

    private static final String PLATFORM = "Platform";
    private static final String TARIFF = "Tariff engine";
    private static final String GATEWAY = "Gateway";
    private static final String BILLING = "Billing";
    private static final String API = "Citizen API";
    private static final String APP = "App";
    private static final String SIMULATORS = "Simulators";

    /** The pricing core imports nothing but the JDK (and itself). */
    static final ArchRule TARIFF_ENGINE_IS_PURE_JAVA = noClasses().that().resideInAPackage("uz.ekommunal.tariff..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "uz.ekommunal.tariff..")
            .because("the tariff engine is the framework-free core every other module prices with");

    /** Billing's domain speaks no HTTP or event loop: Vert.x stays in the API and the gateway's doors. */
    static final ArchRule BILLING_KNOWS_NO_VERTX = noClasses().that().resideInAPackage("uz.ekommunal.billing..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "uz.ekommunal.api..")
            .because("billing's rules are the domain; HTTP answers are made in citizen-api");

    /** The gateway's readings, validation, registry and store know no transport. */
    static final ArchRule GATEWAY_CORE_KNOWS_NO_TRANSPORT = noClasses().that()
            .resideInAnyPackage("uz.ekommunal.gateway.reading..", "uz.ekommunal.gateway.vee..",
                    "uz.ekommunal.gateway.meter..", "uz.ekommunal.gateway.store..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "org.eclipse.paho..",
                    "org.eclipse.californium..", "com.ghgande..")
            .because("adapters turn each protocol into one MeterReading; everything after knows no protocol");

    /** The gateway's doors (MQTT, CoAP, SenML parsing, the spool) are its own: others use its Java API. */
    static final ArchRule GATEWAY_DOORS_ARE_INTERNAL = noClasses().that()
            .resideOutsideOfPackages("uz.ekommunal.gateway..", "uz.ekommunal.app..")
            .should().dependOnClassesThat().resideInAnyPackage("uz.ekommunal.gateway.mqtt..",
                    "uz.ekommunal.gateway.coap..", "uz.ekommunal.gateway.senml..", "uz.ekommunal.gateway.spool..")
            .because("only the gateway and the process that starts it touch its protocol doors");

    /** Layers point down only; app composes everything. */
    static final ArchRule LAYERS_POINT_DOWN = layeredArchitecture().consideringOnlyDependenciesInLayers()
            // every module's presence is checked apart (ArchitectureTest.everyModuleIsImported)
            .withOptionalLayers(true)
            .layer(PLATFORM).definedBy("uz.ekommunal.storage..", "uz.ekommunal.platform..")
            .layer(TARIFF).definedBy("uz.ekommunal.tariff..")
            .layer(GATEWAY).definedBy("uz.ekommunal.gateway..")
            .layer(BILLING).definedBy("uz.ekommunal.billing..")
            .layer(API).definedBy("uz.ekommunal.api..")
            .layer(APP).definedBy("uz.ekommunal.app..")
            .layer(SIMULATORS).definedBy("uz.ekommunal.simulator..")
            .whereLayer(APP).mayNotBeAccessedByAnyLayer()
            .whereLayer(API).mayOnlyBeAccessedByLayers(APP)
            .whereLayer(BILLING).mayOnlyBeAccessedByLayers(API, APP)
            // billing still reads the gateway's registry and boundary readings through their Java API
            .whereLayer(GATEWAY).mayOnlyBeAccessedByLayers(BILLING, API, APP)
            .whereLayer(TARIFF).mayOnlyBeAccessedByLayers(GATEWAY, BILLING, API, APP)
            .whereLayer(PLATFORM).mayOnlyBeAccessedByLayers(TARIFF, GATEWAY, BILLING, API, APP)
            .whereLayer(SIMULATORS).mayOnlyBeAccessedByLayers(APP);

    private ArchitectureRules() {
    }
}
