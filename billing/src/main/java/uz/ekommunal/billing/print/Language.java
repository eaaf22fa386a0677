package uz.ekommunal.billing.print;

/**
 * The language printed first. Both languages are always on the document: the
 * other one follows each label (after a slash, or on the line below).
 */
public enum Language {
    UZBEK,
    RUSSIAN
}
