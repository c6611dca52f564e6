package io.flightdeck.harness.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import io.flightdeck.harness.suite.Suite;
import io.flightdeck.harness.suite.Suites;
import io.flightdeck.api.Workload;
import io.flightdeck.api.WorkloadCase;
import io.flightdeck.child.workload.WorkloadRegistry;

/** {@code flightdeck list}: the workloads on the class path and the suites. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the workloads (built-in and your own, found through ServiceLoader; with --classpath, "
                + "yours only) and the suites.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClassPathOption classPath;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        WorkloadRegistry registry = classPath.workloads(); // before any output: a bad --classpath is one line
        out.println("Workloads:");
        if (registry.all().isEmpty()) {
            out.println("  none on the class path: list yours in META-INF/services/io.flightdeck.api.Workload");
        }
        Suite quick = Suites.find(Suites.DEFAULT, registry).orElseThrow();
        for (Workload w : registry.all()) {
            String cases = w.cases(quick.scale()).stream().map(WorkloadCase::label).collect(Collectors.joining(", "));
            out.printf("  %-20s %s [unit: %s; quick cases: %s%s%s]%n", w.name(), w.description(), w.operationUnit(),
                    cases, w.ordinary() ? "" : "; only when named", w.leakCheckByDefault() ? "; leak-checked by default"
                            : "");
        }
        out.println();
        out.println("Suites:");
        for (Suite s : Suites.all()) {
            out.printf("  %-10s %s%n", s.name() + (s.name().equals(Suites.DEFAULT) ? "*" : ""), s.description());
            out.printf("  %-10s %d warm-up + %d measured iterations of %d ms, %d fork(s), heap %s, time limit %d s%n",
                    "", s.warmupIterations(), s.measurementIterations(), s.iterationMillis(), s.forks(), s.heap(),
                    s.timeoutSeconds());
        }
        out.println("  (* the default)");
        out.flush();
        return ExitCodes.OK;
    }
}
