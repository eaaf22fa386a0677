package uz.ekommunal.api.notify;

/** How a message reaches a person. */
public enum Channel {
    SMS,
    EMAIL
}
