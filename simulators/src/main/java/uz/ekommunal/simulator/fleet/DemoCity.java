package uz.ekommunal.simulator.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import uz.ekommunal.simulator.SimulationConfig;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.Utility;

/**
 * A small simulated neighbourhood for the all-in-one demo: households with personal accounts
 * (electricity 7 digits, gas 8, cold water 6, hot water and heating one 11-digit account) and their
 * meters over all three protocols. Every household has electricity, cold water and gas; flats in
 * apartment blocks also have district hot water and heat.
 *
 * <pre>{@code
 * DemoCity city = DemoCity.build(42, 300, "");
 * Simulation sim = Simulation.start(city.configure()
 *         .mqttUrl("tcp://127.0.0.1:1883").coapUrl("coap://127.0.0.1:5683/readings")
 *         .modbusPort(5020).metersFile(Path.of("demo-meters.csv"))
 *         .build());   // live readings every 15 minutes until sim.stop()
 * }</pre>
 */
public final class DemoCity {
    private static final long PURPOSE_CITY = 2;

    private final long seed;
    private final List<Household> households;
    private final List<MeterSpec> meters;

    /**
     * A household and its accounts.
     *
     * @param number   household number in the city, from 1
     * @param address  street address
     * @param flat     true for a flat in an apartment block (has district hot water and heat)
     * @param accounts personal account per utility (hot water and heat share one)
     */
    public record Household(int number, String address, boolean flat, Map<Utility, String> accounts) {
        public Household {
            accounts = Map.copyOf(accounts);
        }
    }

    private DemoCity(long seed, List<Household> households, List<MeterSpec> meters) {
        this.seed = seed;
        this.households = List.copyOf(households);
        this.meters = List.copyOf(meters);
    }

    /** The city for {@code seed}: the same seed always gives the same households, accounts and meters. */
    public static DemoCity build(long seed, int householdCount, String serialPrefix) {
        // the city's CoAP meters are cheap keyless ones on plain CoAP (a DTLS session per meter is heavy in one process)
        FleetBuilder fleet = new FleetBuilder(seed, serialPrefix).withoutCoapKeys();
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, 0, PURPOSE_CITY));
        String[] streets = {"Amir Temur", "Navoiy", "Bunyodkor", "Chilonzor", "Mustaqillik", "Shota Rustaveli"};
        List<Household> households = new ArrayList<>();
        List<MeterSpec> meters = new ArrayList<>();
        for (int n = 1; n <= householdCount; n++) {
            boolean flat = random.nextDouble() < 0.6;
            String street = streets[random.nextInt(streets.length)];
            String address = flat
                    ? street + " " + (1 + random.nextInt(120)) + ", flat " + (1 + random.nextInt(80))
                    : street + " " + (1 + random.nextInt(300));
            Map<Utility, String> accounts = new EnumMap<>(Utility.class);
            accounts.put(Utility.ELECTRICITY, FleetBuilder.accountNumber(Utility.ELECTRICITY, n));
            accounts.put(Utility.COLD_WATER, FleetBuilder.accountNumber(Utility.COLD_WATER, n));
            accounts.put(Utility.GAS, FleetBuilder.accountNumber(Utility.GAS, n));
            meters.add(fleet.meter(Utility.ELECTRICITY, pick(random, 0.60, 0.15), accounts.get(Utility.ELECTRICITY)));
            meters.add(fleet.meter(Utility.COLD_WATER, pick(random, 0.50, 0.20), accounts.get(Utility.COLD_WATER)));
            meters.add(fleet.meter(Utility.GAS, pick(random, 0.30, 0.60), accounts.get(Utility.GAS)));
            if (flat) {
                String district = FleetBuilder.accountNumber(Utility.HOT_WATER, n);
                accounts.put(Utility.HOT_WATER, district);
                accounts.put(Utility.HEAT, district);
                meters.add(fleet.meter(Utility.HOT_WATER, pick(random, 0.50, 0.0), district));
                meters.add(fleet.meter(Utility.HEAT, pick(random, 0.0, 0.50), district));
            }
            households.add(new Household(n, address, flat, accounts));
        }
        return new DemoCity(seed, households, meters);
    }

    /** MQTT with probability {@code mqtt}, CoAP with {@code coap}, Modbus otherwise. */
    private static Protocol pick(SplittableRandom random, double mqtt, double coap) {
        double r = random.nextDouble();
        return r < mqtt ? Protocol.MQTT : r < mqtt + coap ? Protocol.COAP : Protocol.MODBUS;
    }

    public List<Household> households() {
        return households;
    }

    public List<MeterSpec> meters() {
        return meters;
    }

    /**
     * A live configuration: real time from now (rounded down to the interval), a reading every
     * 15 minutes, running until stopped, no faults. Set the peers' addresses on the builder.
     */
    public SimulationConfig.Builder configure() {
        Duration interval = Duration.ofMinutes(15);
        long now = Instant.now().getEpochSecond();
        return SimulationConfig.builder(meters)
                .seed(seed)
                .start(Instant.ofEpochSecond(now - Math.floorMod(now, interval.getSeconds())))
                .interval(interval)
                .duration(null)
                .speedup(1)
                .mqttClientId("ekommunal-demo-city-" + seed)
                .mqttClients(2);
    }
}
