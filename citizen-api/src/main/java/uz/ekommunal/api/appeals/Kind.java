package uz.ekommunal.api.appeals;

/** The law's three kinds of appeal; they differ in their deadline. */
public enum Kind {
    APPLICATION, COMPLAINT, PROPOSAL
}
