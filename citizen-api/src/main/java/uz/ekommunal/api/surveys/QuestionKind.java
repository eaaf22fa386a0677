package uz.ekommunal.api.surveys;

/** How a question is answered: one option, any options, or in words. */
public enum QuestionKind {
    SINGLE, MULTIPLE, TEXT;

    public boolean hasOptions() {
        return this != TEXT;
    }
}
