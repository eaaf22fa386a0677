package uz.ekommunal.simulator.fleet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.MeterSpec.ModbusModel;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.Registers;
import uz.ekommunal.simulator.meter.Utility;

/**
 * Builds fleets of meters from a seed: serials, account numbers, protocols, household sizes,
 * solar panels and DTLS keys, all reproducible.
 */
public final class FleetBuilder {
    private static final java.security.SecureRandom SECRETS = new java.security.SecureRandom();
    /** Share of each utility in a mixed fleet, in {@link Utility} order. */
    private static final double[] UTILITY_SHARE = {0.40, 0.15, 0.25, 0.12, 0.08};
    private static final long PURPOSE_FLEET = 1;

    private final long seed;
    private final String serialPrefix;
    private boolean coapKeys = true;
    private final SplittableRandom random;
    private final Map<Utility, Integer> nextNumber = new EnumMap<>(Utility.class);

    /** CoAP meters without DTLS keys (registered as keyless: plain CoAP); the rest of the fleet is unchanged. */
    public FleetBuilder withoutCoapKeys() {
        coapKeys = false;
        return this;
    }

    public FleetBuilder(long seed, String serialPrefix) {
        this.seed = seed;
        this.serialPrefix = serialPrefix;
        this.random = new SplittableRandom(Seeds.derive(seed, 0, PURPOSE_FLEET));
    }

    /**
     * A fleet of {@code count} meters.
     *
     * @param protocol the protocol of every meter, or null for a mix (60% MQTT, 25% CoAP, 15% Modbus)
     * @param utility  the utility of every meter, or null for a household mix
     */
    public List<MeterSpec> fleet(int count, Protocol protocol, Utility utility) {
        List<MeterSpec> meters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Utility u = utility != null ? utility : pickUtility();
            Protocol p = protocol != null ? protocol : pickProtocol();
            meters.add(meter(u, p, null));
        }
        return meters;
    }

    /** One meter; {@code accountNumber} null gives the meter an account of its own. */
    public MeterSpec meter(Utility utility, Protocol protocol, String accountNumber) {
        int number = nextNumber.merge(utility, 1, Integer::sum);
        String serial = serialPrefix + utility.serialLetter() + (1_000_000 + number);
        String account = accountNumber != null ? accountNumber : accountNumber(utility, number);
        double size = 0.6 + random.nextDouble() * 1.0;
        boolean solar = utility == Utility.ELECTRICITY && random.nextDouble() < 0.08;
        double solarKw = solar ? 2 + random.nextInt(5) : 0;
        ModbusModel model = protocol == Protocol.MODBUS ? modbusModel(utility) : null;
        boolean float32 = model == ModbusModel.SDM630 || model == ModbusModel.SDM120;
        String psk = protocol == Protocol.COAP ? psk() : null; // drawn either way: the same seed, the same city
        if (!coapKeys) {
            psk = null;
        }
        // secrets are not drawn from the seeded random: the same seed must not give the same passwords
        String secret = protocol == Protocol.MQTT ? newSecret() : null;
        return new MeterSpec(serial, utility, protocol, Registers.forMeter(utility, float32, solar || float32),
                1, account, model, psk, size, solarKw, secret);
    }

    /** Account number of the right length for the utility: electricity 7, gas 8, cold water 6, hot water and heat 11 digits. */
    public static String accountNumber(Utility utility, long number) {
        int digits = utility.accountDigits();
        long first = (long) Math.pow(10, digits - 1);
        return Long.toString(first + number);
    }

    public long seed() {
        return seed;
    }

    private ModbusModel modbusModel(Utility utility) {
        if (utility != Utility.ELECTRICITY) {
            return ModbusModel.MBUS_BRIDGE;
        }
        return random.nextDouble() < 0.3 ? ModbusModel.SDM630 : ModbusModel.SDM120;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        SECRETS.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String psk() {
        byte[] key = new byte[16];
        random.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private Utility pickUtility() {
        double r = random.nextDouble();
        Utility[] utilities = Utility.values();
        for (int i = 0; i < utilities.length; i++) {
            r -= UTILITY_SHARE[i];
            if (r < 0) {
                return utilities[i];
            }
        }
        return Utility.ELECTRICITY;
    }

    private Protocol pickProtocol() {
        double r = random.nextDouble();
        return r < 0.60 ? Protocol.MQTT : r < 0.85 ? Protocol.COAP : Protocol.MODBUS;
    }
}
