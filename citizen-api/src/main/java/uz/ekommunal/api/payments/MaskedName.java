package uz.ekommunal.api.payments;

/**
 * A holder's name as payment systems show it to someone paying for another ({@code A. K***}):
 * enough for a payer to see the number is their parents', too little to learn whose it is.
 */
public final class MaskedName {

    private MaskedName() {
    }

    /** "Karimova Dilnoza" → "K. D***"; one word → "K***"; nothing → "***". */
    public static String of(String holderName) {
        String[] words = holderName == null ? new String[0] : holderName.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "***";
        }
        String first = initial(words[0]);
        return words.length == 1 ? first + "***" : first + ". " + initial(words[1]) + "***";
    }

    private static String initial(String word) {
        return new String(Character.toChars(Character.toUpperCase(word.codePointAt(0))));
    }
}
