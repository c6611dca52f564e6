package io.flightdeck.api;

import java.util.Objects;

/**
 * A workload whose name, description and operation unit are fixed at construction, which is most of them: extend
 * it and write {@link #open} (and {@link #cases} when there is more than one case).
 */
public abstract class AbstractWorkload implements Workload {

    private final String name;
    private final String description;
    private final String operationUnit;

    protected AbstractWorkload(String name, String description, String operationUnit) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.operationUnit = Objects.requireNonNull(operationUnit, "operationUnit");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String operationUnit() {
        return operationUnit;
    }
}
