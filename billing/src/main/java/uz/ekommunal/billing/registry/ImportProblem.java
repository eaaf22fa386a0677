package uz.ekommunal.billing.registry;

/**
 * A row the import refused, and why.
 *
 * @param line the line in the file (1 is the header)
 * @param field the column at fault, or null for the whole line
 * @param code stable code of the fault ({@link RegistryFault})
 */
public record ImportProblem(long line, String field, RegistryFault code, String reason) {
}
