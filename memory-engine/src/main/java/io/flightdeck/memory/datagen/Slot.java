package io.flightdeck.memory.datagen;

/**
 * The named values a task is about ("which class, which method, which endpoint ..."). They are drawn once
 * per episode into a {@link TaskSubject}, and then the description, the steps' actions, parameters and
 * outputs all refer to the same ones, so an episode reads as one coherent piece of work.
 * In templates a slot is written in lower case between braces: {@code {class}.{method}}.
 */
enum Slot {
    // the main thing the task is about, in its spellings
    NOUN, NOUN_WORDS, NOUNS, NOUN_SNAKE, NOUN_VAR,
    NOUN2, NOUNS2,
    // code
    CLASS, CLASS2, METHOD, TEST_CLASS, TEST_METHOD, EXCEPTION, LIBRARY, LIBRARY2, PATTERN, VARIANTS, CONCERN,
    // system
    SERVICE, SERVICE2, ENDPOINT, HTTP_METHOD, TABLE, COLUMN, CONFIG, ENV, EXTERNAL_API, EVENT, INTERVAL,
    // work items
    FEATURE, METRIC, CHANGE, SECURITY_ISSUE, TEST_KIND, DOC_KIND, CI, RUNTIME, RUNTIME_VERSION,
    FRAMEWORK, TARGET_FRAMEWORK, VERSION, VERSION2, PERCENT, PERCENT2, COUNT, TICKET,
    // phrases composed from the slots above
    CONDITION, EDGE_CASE, JOB_ACTION,
    // where it lives (used by steps, not by descriptions)
    ORG, MODULE, MODULE_DIR, SOURCE_PATH, FILE_NAME, SECOND_PATH, SECOND_FILE_NAME, TEST_PATH, TEST_FILE_NAME,
    DOC_PATH, REPORT_PATH, BUILD_FILE, CI_FILE, METRIC_KEY, BRANCH, SHA, LINE, COL;

    private static final Slot[] VALUES = values();

    static Slot byName(String lowerName) {
        for (Slot s : VALUES) {
            if (s.name().equalsIgnoreCase(lowerName)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown slot {" + lowerName + "}");
    }
}
