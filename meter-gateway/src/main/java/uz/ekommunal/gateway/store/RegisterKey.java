package uz.ekommunal.gateway.store;

/** One register of one meter: the series readings belong to. */
public record RegisterKey(long meterId, String register) {
}
