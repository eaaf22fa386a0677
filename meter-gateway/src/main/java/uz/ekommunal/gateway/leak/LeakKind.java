package uz.ekommunal.gateway.leak;

/** Why a meter is suspected of a leak. */
public enum LeakKind {
    /** The hourly flow never dropped to (about) zero for the set number of hours. */
    CONTINUOUS_FLOW,
    /** The last day's use is far above the meter's own daily average. */
    JUMP
}
