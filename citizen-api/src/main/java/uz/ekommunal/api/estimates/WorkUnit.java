package uz.ekommunal.api.estimates;

/** What a work item is measured in; its name in each language is {@code estimate.unit.<NAME>}. */
public enum WorkUnit {
    M2, METRE, PIECE
}
