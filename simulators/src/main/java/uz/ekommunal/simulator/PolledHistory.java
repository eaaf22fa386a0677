package uz.ekommunal.simulator;

import java.util.List;

import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Reading;

/**
 * Where the history of polled (Modbus) meters goes. A polled meter shows only its present value,
 * so of a run started in the past ({@link SimulationConfig#historyInterval()}) polling sees nothing
 * before the present; its earlier readings are handed over here instead, as if read out of the
 * meter's load profile. Called on the generator thread, oldest readings first; it may block
 * (backpressure).
 */
@FunctionalInterface
public interface PolledHistory {

    void readOut(MeterSpec meter, List<Reading> readings);
}
