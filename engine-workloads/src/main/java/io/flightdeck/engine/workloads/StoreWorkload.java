package io.flightdeck.engine.workloads;

import java.util.Set;

import io.flightdeck.api.AbstractWorkload;

/**
 * A workload of the engine on a store the run chooses: {@code --param store=memory} or {@code store=sqlite} (the
 * default, a fresh file in the workload's scratch folder). The parameter is the engine's own, so it is declared and
 * checked here, as any workload declares its parameters.
 */
abstract class StoreWorkload extends AbstractWorkload {

    StoreWorkload(String name, String description, String operationUnit) {
        super(name, description, operationUnit);
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(EngineStore.PARAMETER);
    }

    @Override
    public void checkParameter(String name, String value) {
        if (EngineStore.PARAMETER.equals(name)) {
            EngineStore.kind(value);
        }
    }

}
