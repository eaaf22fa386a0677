package uz.ekommunal.api.appeals;

/** The only grounds on which an appeal may be left without an answer (Law on appeals, as the portal applies it). */
public enum RejectReason {
    OBSCENE_INSULTING_OR_THREATENING,
    MEANINGLESS,
    ADVERTISING,
    NO_CONCRETE_REQUEST
}
