package io.flightdeck.memory.datagen;

import io.flightdeck.memory.model.TaskType;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The shape of an agent's work by task type: explore, change, build, verify, wrap up (or, for an analysis,
 * explore, investigate, report). A step's position in the episode selects the stage; the stage selects a
 * tool. A failed call interrupts the plan with a recovery (fix the compile error) and a retry (compile
 * again), which is where the error-recovery patterns the engine learns come from.
 */
final class Workflow {

    private Workflow() {
    }

    /** A tool chosen for a purpose. */
    record PlannedStep(Tool tool, Purpose purpose) {
    }

    /** Up to {@code until} (fraction of the episode), steps serve {@code purpose} using {@code tools}. */
    private record Stage(double until, Purpose purpose, ZipfChoice<Tool> tools) {
    }

    private static final Map<TaskType, List<Stage>> SCHEDULES = new EnumMap<>(TaskType.class);

    private static Stage stage(double until, Purpose purpose, Object... toolWeightPairs) {
        int n = toolWeightPairs.length / 2;
        Tool[] tools = new Tool[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            tools[i] = (Tool) toolWeightPairs[2 * i];
            weights[i] = ((Number) toolWeightPairs[2 * i + 1]).doubleValue();
        }
        return new Stage(until, purpose, ZipfChoice.weighted(List.of(tools), weights));
    }

    static {
        SCHEDULES.put(TaskType.CODE_GENERATION, List.of(
                stage(0.30, Purpose.EXPLORE, Tool.READ_FILE, 40, Tool.GREP, 20, Tool.SEARCH_CODE, 15, Tool.LIST_DIR, 10,
                        Tool.SEARCH_DOCS, 15),
                stage(0.60, Purpose.CHANGE, Tool.WRITE_FILE, 45, Tool.EDIT_FILE, 55),
                stage(0.72, Purpose.BUILD, Tool.COMPILE, 1),
                stage(0.90, Purpose.VERIFY, Tool.RUN_TESTS, 70, Tool.RUN_LINTER, 15, Tool.HTTP_REQUEST, 15),
                stage(1.00, Purpose.WRAP, Tool.GIT_DIFF, 40, Tool.GIT_COMMIT, 60)));
        SCHEDULES.put(TaskType.DEBUGGING, List.of(
                stage(0.12, Purpose.REPRODUCE, Tool.RUN_TESTS, 50, Tool.HTTP_REQUEST, 30, Tool.RUN_COMMAND, 20),
                stage(0.45, Purpose.EXPLORE, Tool.READ_FILE, 40, Tool.GREP, 30, Tool.SEARCH_CODE, 10, Tool.QUERY_DB, 10,
                        Tool.RUN_COMMAND, 10),
                stage(0.62, Purpose.CHANGE, Tool.EDIT_FILE, 1),
                stage(0.72, Purpose.BUILD, Tool.COMPILE, 1),
                stage(0.92, Purpose.VERIFY, Tool.RUN_TESTS, 80, Tool.HTTP_REQUEST, 20),
                stage(1.00, Purpose.WRAP, Tool.GIT_COMMIT, 70, Tool.GIT_DIFF, 30)));
        SCHEDULES.put(TaskType.REFACTORING, List.of(
                stage(0.25, Purpose.EXPLORE, Tool.SEARCH_CODE, 35, Tool.GREP, 30, Tool.READ_FILE, 35),
                stage(0.60, Purpose.CHANGE, Tool.EDIT_FILE, 80, Tool.WRITE_FILE, 20),
                stage(0.70, Purpose.BUILD, Tool.COMPILE, 1),
                stage(0.92, Purpose.VERIFY, Tool.RUN_TESTS, 75, Tool.RUN_LINTER, 25),
                stage(1.00, Purpose.WRAP, Tool.GIT_COMMIT, 60, Tool.GIT_DIFF, 40)));
        SCHEDULES.put(TaskType.TESTING, List.of(
                stage(0.25, Purpose.EXPLORE, Tool.READ_FILE, 60, Tool.LIST_DIR, 15, Tool.GREP, 25),
                stage(0.50, Purpose.CHANGE, Tool.WRITE_FILE, 60, Tool.EDIT_FILE, 40),
                stage(0.92, Purpose.VERIFY, Tool.RUN_TESTS, 85, Tool.RUN_LINTER, 15),
                stage(1.00, Purpose.WRAP, Tool.GIT_COMMIT, 1)));
        SCHEDULES.put(TaskType.ANALYSIS, List.of(
                stage(0.30, Purpose.EXPLORE, Tool.READ_FILE, 35, Tool.GREP, 25, Tool.SEARCH_CODE, 20, Tool.SEARCH_DOCS, 20),
                stage(0.85, Purpose.INVESTIGATE, Tool.QUERY_DB, 30, Tool.HTTP_REQUEST, 20, Tool.RUN_COMMAND, 35,
                        Tool.GREP, 15),
                stage(1.00, Purpose.REPORT, Tool.WRITE_FILE, 1)));
        SCHEDULES.put(TaskType.DOCUMENTATION, List.of(
                stage(0.45, Purpose.EXPLORE, Tool.READ_FILE, 50, Tool.GREP, 15, Tool.SEARCH_DOCS, 20, Tool.LIST_DIR, 15),
                stage(0.80, Purpose.CHANGE, Tool.WRITE_FILE, 50, Tool.EDIT_FILE, 50),
                stage(0.92, Purpose.VERIFY, Tool.RUN_LINTER, 1),
                stage(1.00, Purpose.WRAP, Tool.GIT_COMMIT, 1)));
        SCHEDULES.put(TaskType.OTHER, List.of(
                stage(0.25, Purpose.EXPLORE, Tool.READ_FILE, 40, Tool.SEARCH_DOCS, 35, Tool.LIST_DIR, 25),
                stage(0.55, Purpose.CHANGE, Tool.EDIT_FILE, 70, Tool.RUN_COMMAND, 30),
                stage(0.90, Purpose.VERIFY, Tool.COMPILE, 35, Tool.RUN_TESTS, 45, Tool.RUN_COMMAND, 20),
                stage(1.00, Purpose.WRAP, Tool.GIT_COMMIT, 1)));
    }

    /** The planned step at {@code index} of {@code total} when nothing is being recovered. */
    static PlannedStep scheduled(TaskType type, int index, int total, SplittableRandom rng) {
        double position = (index + 0.5) / total;
        List<Stage> stages = SCHEDULES.get(type);
        for (Stage s : stages) {
            if (position < s.until()) {
                return new PlannedStep(s.tools().pick(rng), s.purpose());
            }
        }
        Stage last = stages.get(stages.size() - 1);
        return new PlannedStep(last.tools().pick(rng), last.purpose());
    }

    /**
     * Replaces {@code pending} with what an agent does after {@code failed} failed: usually a step that
     * deals with the cause, then the same call again.
     */
    static void planRecovery(PlannedStep failed, boolean timedOut, ArrayDeque<PlannedStep> pending,
                             SplittableRandom rng) {
        pending.clear();
        Tool t = failed.tool();
        if (failed.purpose() == Purpose.REPRODUCE) {
            // a reproduction that did not run is simply tried again
            pending.add(new PlannedStep(t, Purpose.REPRODUCE));
            return;
        }
        switch (t) {
            case COMPILE, RUN_LINTER -> {
                pending.add(new PlannedStep(Tool.EDIT_FILE, Purpose.RECOVER));
                pending.add(new PlannedStep(t, Purpose.RETRY));
            }
            case RUN_TESTS -> {
                if (timedOut || rng.nextBoolean()) {
                    pending.add(new PlannedStep(Tool.READ_FILE, Purpose.RECOVER));
                }
                pending.add(new PlannedStep(Tool.EDIT_FILE, Purpose.RECOVER));
                pending.add(new PlannedStep(t, Purpose.RETRY));
            }
            case READ_FILE -> {
                pending.add(new PlannedStep(rng.nextBoolean() ? Tool.SEARCH_CODE : Tool.LIST_DIR, Purpose.RECOVER));
                pending.add(new PlannedStep(t, Purpose.RETRY));
            }
            case EDIT_FILE -> {
                pending.add(new PlannedStep(Tool.READ_FILE, Purpose.RECOVER));
                pending.add(new PlannedStep(t, Purpose.RETRY));
            }
            case WRITE_FILE -> {
                pending.add(new PlannedStep(Tool.LIST_DIR, Purpose.RECOVER));
                pending.add(new PlannedStep(t, Purpose.RETRY));
            }
            case GIT_COMMIT, GIT_DIFF -> {
                pending.add(new PlannedStep(Tool.RUN_COMMAND, Purpose.RECOVER));
                pending.add(new PlannedStep(t, Purpose.RETRY));
            }
            case SEARCH_CODE, LIST_DIR -> pending.add(new PlannedStep(Tool.GREP, Purpose.RECOVER));
            // network-ish calls: the recovery is the retry itself (longer timeout, fixed query)
            case GREP, SEARCH_DOCS, HTTP_REQUEST, QUERY_DB, RUN_COMMAND -> pending.add(new PlannedStep(t, Purpose.RETRY));
        }
    }
}
