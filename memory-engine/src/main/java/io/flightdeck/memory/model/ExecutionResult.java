package io.flightdeck.memory.model;

/** What a step's tool call returned. */
public sealed interface ExecutionResult {

    boolean isSuccess();

    /** The text a limit applies to: output for a success, the message for an error. */
    String text();

    record Success(String output) implements ExecutionResult {
        public Success {
            output = output == null ? "" : output;
        }

        @Override public boolean isSuccess() { return true; }
        @Override public String text() { return output; }
    }

    record Error(String message) implements ExecutionResult {
        public Error {
            NullChecks.nonNull(message, "error message");
        }

        @Override public boolean isSuccess() { return false; }
        @Override public String text() { return message; }
    }

    record Timeout() implements ExecutionResult {
        @Override public boolean isSuccess() { return false; }
        @Override public String text() { return ""; }
    }

    static ExecutionResult success(String output) { return new Success(output); }
    static ExecutionResult error(String message) { return new Error(message); }
    static ExecutionResult timeout() { return new Timeout(); }
}
