package uz.ekommunal.simulator.device;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import uz.ekommunal.simulator.PolledHistory;
import uz.ekommunal.simulator.fault.FaultConfig;
import uz.ekommunal.simulator.fault.FaultEvent;
import uz.ekommunal.simulator.meter.MeterSpec.ModbusModel;
import uz.ekommunal.simulator.meter.Reading;
import uz.ekommunal.simulator.meter.SimulatedMeter;
import uz.ekommunal.simulator.modbus.EastronSdmMap;
import uz.ekommunal.simulator.modbus.MbusBridgeMap;
import uz.ekommunal.simulator.modbus.ModbusFarm;
import uz.ekommunal.simulator.modbus.RegisterImage;
import uz.ekommunal.simulator.transport.Counters;
import uz.ekommunal.simulator.truth.GroundTruth;

/**
 * A meter that is polled: each tick it updates its Modbus register image. Of the faults only those a
 * polled meter can have apply: gaps (the unit stops answering), spikes (the image shows a jump for one
 * interval), clock skew (the M-Bus bridge's timestamp), rollover and replacement.
 */
public final class ModbusDevice extends Device {
    private final ModbusFarm farm;
    private final Counters counters;
    private final long skewSeconds;
    private final long serialDigits;
    private double lastImport = Double.NaN;
    private long lastTime;
    private boolean offline;
    private final List<Reading> history = new ArrayList<>();
    private PolledHistory polledHistory;

    public ModbusDevice(SimulatedMeter meter, SplittableRandom faults, FaultConfig config, GroundTruth truth,
                        long start, long interval, ModbusFarm farm, Counters counters, long skewSeconds) {
        super(meter, faults, config, truth, start, interval);
        this.farm = farm;
        this.counters = counters;
        this.skewSeconds = skewSeconds;
        String digits = meter.spec().serial().replaceAll("\\D", "");
        this.serialDigits = digits.isEmpty() ? 0 : Long.parseLong(digits.substring(Math.max(0, digits.length() - 9)));
    }

    @Override
    protected void report(List<Reading> readings, Notes notes, long offset) {
        if (offline) {
            farm.setOnline(spec().serial(), true);
            offline = false;
        }
        boolean spike = chance(config.spikeRate()) || active(FaultEvent.Kind.SPIKE, offset);
        Reading main = readings.get(0);
        String mainText = spike ? spiked(main) : main.text();
        writeTruth(readings.subList(0, 1), spike ? notes.with("spike=" + mainText) : notes);
        writeTruth(readings.subList(1, readings.size()), notes);
        show(readings, mainText);
    }

    /** Where the readings of time that has passed go (a load-profile read-out); null drops them. */
    public void historyTo(PolledHistory polledHistory) {
        this.polledHistory = polledHistory;
    }

    @Override
    protected void keepHistory(List<Reading> readings, Notes notes) {
        writeTruth(readings, notes.with("history"));
        if (polledHistory == null) {
            return;
        }
        history.addAll(readings);
        if (history.size() >= PackDevice.MAX_BACKLOG_PACK_RECORDS) {
            readOut();
        }
    }

    /** Hands the history over, then shows the present value, so the first poll reads no older one. */
    @Override
    protected void sendHistory() {
        readOut();
        show(meter.readings(), meter.readings().get(0).text());
    }

    private void readOut() {
        if (!history.isEmpty()) {
            polledHistory.readOut(spec(), List.copyOf(history));
            history.clear();
        }
    }

    private void show(List<Reading> readings, String mainText) {
        Reading main = readings.get(0);
        RegisterImage image = farm.image(spec().serial());
        if (spec().modbusModel() == ModbusModel.MBUS_BRIDGE) {
            writeMbus(image, main, Double.parseDouble(mainText));
        } else {
            writeSdm(image, readings, Double.parseDouble(mainText));
        }
        counters.modbusUpdates.increment();
    }

    private void writeSdm(RegisterImage image, List<Reading> readings, double shownImport) {
        Reading main = readings.get(0);
        double exported = readings.size() > 1 ? readings.get(1).value() : 0;
        double hours = (main.timestamp() - lastTime) / 3600.0;
        double powerW = Double.isNaN(lastImport) || hours <= 0 ? 0
                : Math.max(0, main.value() - lastImport) / hours * 1000;
        lastImport = main.value();
        lastTime = main.timestamp();
        int phases = spec().modbusModel() == ModbusModel.SDM630 ? 3 : 1;
        EastronSdmMap.write(image, phases, (float) shownImport, (float) exported, powerW);
    }

    private void writeMbus(RegisterImage image, Reading main, double shownValue) {
        int decimals = main.register().decimals();
        long counter = Math.round(shownValue * Math.pow(10, decimals));
        int medium = switch (spec().utility()) {
            case GAS -> MbusBridgeMap.MEDIUM_GAS;
            case HEAT -> MbusBridgeMap.MEDIUM_HEAT;
            case HOT_WATER -> MbusBridgeMap.MEDIUM_HOT_WATER;
            default -> MbusBridgeMap.MEDIUM_WATER;
        };
        int unit = switch (main.register().unit()) {
            case "Gcal" -> MbusBridgeMap.UNIT_GCAL;
            case "kWh" -> MbusBridgeMap.UNIT_KWH;
            default -> MbusBridgeMap.UNIT_M3;
        };
        MbusBridgeMap.write(image, medium, unit, -decimals, counter, main.timestamp() + skewSeconds,
                leakingNow(), serialDigits);
    }

    @Override
    protected void goOffline() {
        offline = true;
        farm.setOnline(spec().serial(), false);
    }

    @Override
    public void flush() {
        // a polled meter holds nothing to send
    }

    /** The import energy an Eastron image holds, as float32 (what a master reading 0x0048 gets). */
    public static float importEnergy(RegisterImage image) {
        int bits = (image.input(EastronSdmMap.IMPORT_ENERGY) << 16) | image.input(EastronSdmMap.IMPORT_ENERGY + 1);
        return Float.intBitsToFloat(bits);
    }
}
