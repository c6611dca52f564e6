package io.flightdeck.harness.cli;

import picocli.CommandLine.Option;

import io.flightdeck.child.workload.WorkloadRegistry;
import io.flightdeck.harness.workload.UserClassPath;

/**
 * {@code --classpath}, else {@code FLIGHTDECK_CLASSPATH}: the user's jars and folders. Given, a child JVM runs on
 * them plus the child runtime only, and the workloads are theirs; not given, a child runs on this command's own
 * class path and the workloads are the ones on it.
 */
final class ClassPathOption {

    static final String ENV = "FLIGHTDECK_CLASSPATH";

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "your workloads' jars and class folders, separated by '${sys:path.separator}' (dir/* for "
                    + "every jar in dir); children then run on these plus Flightdeck's child runtime only "
                    + "(default: $" + ENV + ", else Flightdeck's own class path)")
    String classPath;

    /** The user's class path, or null when neither the option nor the variable gives one. */
    UserClassPath resolve() {
        String text = classPath;
        String source = "--classpath";
        if (text == null) {
            text = System.getenv(ENV);
            source = ENV;
            if (text == null || text.isBlank()) {
                return null;
            }
        }
        try {
            return UserClassPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(source + ": " + e.getMessage());
        }
    }

    /** The workloads the children will find: the user's when given, else those on this command's class path. */
    WorkloadRegistry workloads() {
        UserClassPath user = resolve();
        return user == null ? WorkloadRegistry.load() : user.workloads();
    }
}
