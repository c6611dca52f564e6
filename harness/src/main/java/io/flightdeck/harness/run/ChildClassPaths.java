package io.flightdeck.harness.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.child.workload.WorkloadRegistry;
import io.flightdeck.harness.home.Home;
import io.flightdeck.harness.runner.ChildRuntime;
import io.flightdeck.harness.sampler.ChildJvm;
import io.flightdeck.harness.workload.UserClassPath;

/**
 * The user's class path as a run uses it: the registry its workloads are found in, and the child JVMs' class path
 * (the user's entries, then Flightdeck's child runtime). A caller that resolved the child's class path already (the
 * command line does, to print it) is left as it is.
 */
public final class ChildClassPaths {

    private ChildClassPaths() {
    }

    /** The user's workloads, or this program's own class path's when no user class path is given. */
    static WorkloadRegistry registry(UserClassPath user) {
        return user == null ? WorkloadRegistry.load() : user.workloads();
    }

    /** {@code given} (or the defaults) with the user's entries and the child runtime as its class path. */
    static ChildJvm childJvm(ChildJvm given, UserClassPath user, Home home) {
        ChildJvm base = given != null ? given : ChildJvm.defaults();
        if (user == null || !base.inheritsClassPath()) {
            return base;
        }
        return new ChildJvm(base.java(), base.jvmArgs(), base.sampler(),
                of(user, ChildRuntime.cacheRoots(home.directory())));
    }

    /**
     * The user's entries, then the child runtime (extracted into the first cache root that takes it); empty, the
     * command's own class path, when there is no user class path.
     *
     * @throws RunInputException when the runtime named explicitly is missing or cannot be extracted
     */
    public static List<Path> of(UserClassPath user, List<Path> cacheRoots) {
        if (user == null) {
            return List.of();
        }
        List<Path> entries = new ArrayList<>(user.entries());
        try {
            entries.addAll(ChildRuntime.locate(cacheRoots));
        } catch (IllegalArgumentException e) {
            throw new RunInputException(e.getMessage());
        } catch (IOException e) {
            throw new RunInputException("the child runtime could not be extracted into the cache: " + e.getMessage());
        }
        return entries;
    }
}
