package io.flightdeck.harness.check;

/**
 * A budgets file that cannot be used. Its message is one line meant for the terminal, e.g.
 * {@code budgets file ci/budgets.json (line 4, column 26): unknown unit 'msec' in '50msec'; ...}: whoever wrote the
 * file should not need a stack trace or a parser's vocabulary to fix it.
 */
public class BudgetFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BudgetFileException(String message) {
        super(message);
    }

    public BudgetFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "budgets file X (line L, column C): problem", leaving out the position when it is unknown (line ≤ 0). */
    static BudgetFileException at(String source, int line, int column, String problem, Throwable cause) {
        StringBuilder message = new StringBuilder("budgets file ").append(source);
        if (line > 0) {
            message.append(" (line ").append(line);
            if (column > 0) {
                message.append(", column ").append(column);
            }
            message.append(')');
        }
        message.append(": ").append(oneLine(problem));
        return new BudgetFileException(message.toString(), cause);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
