package uz.ekommunal.api.appeals;

/** What someone does to an appeal; each is one row of the history. */
public enum Action {
    SAVE, SEND, ACCEPT, FORWARD, REJECT, ANSWER, EXTEND, CLOSE
}
