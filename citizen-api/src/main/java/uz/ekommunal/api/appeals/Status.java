package uz.ekommunal.api.appeals;

/** Where an appeal is in its life. Open311 sees SENT, ACCEPTED and FORWARDED as open, the rest as closed. */
public enum Status {
    DRAFT, SENT, ACCEPTED, FORWARDED, REJECTED, ANSWERED, CLOSED;

    /** Still waiting for the organisation: the deadline runs. */
    public boolean open() {
        return this == SENT || this == ACCEPTED || this == FORWARDED;
    }
}
