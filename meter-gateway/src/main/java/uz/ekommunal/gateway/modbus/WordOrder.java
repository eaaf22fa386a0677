package uz.ekommunal.gateway.modbus;

/** Which 16-bit word of a multi-word number comes first on the wire (bytes in a word are always big-endian). */
public enum WordOrder {
    HIGH_FIRST, LOW_FIRST;

    /** The words with the high word first. */
    int[] highFirst(int[] words) {
        if (this == HIGH_FIRST) {
            return words;
        }
        int[] reversed = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            reversed[i] = words[words.length - 1 - i];
        }
        return reversed;
    }
}
