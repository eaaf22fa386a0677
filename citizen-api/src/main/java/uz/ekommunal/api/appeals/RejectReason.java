package uz.ekommunal.api.appeals;

/**
 * The only grounds on which an appeal may be left without an answer (Law on appeals, as the portal
 * applies it): obscene, insulting or threatening; meaningless; written in unintelligible
 * abbreviations; advertising; no concrete request. A rejection also needs the officer's reasons.
 */
public enum RejectReason {
    OBSCENE_INSULTING_OR_THREATENING,
    MEANINGLESS,
    UNINTELLIGIBLE_ABBREVIATIONS,
    ADVERTISING,
    NO_CONCRETE_REQUEST
}
