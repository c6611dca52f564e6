package io.flightdeck.memory.model;

/** What kind of work an episode is; retrieval favours episodes of the same type. */
public enum TaskType {
    CODE_GENERATION,
    DEBUGGING,
    REFACTORING,
    TESTING,
    ANALYSIS,
    DOCUMENTATION,
    OTHER
}
