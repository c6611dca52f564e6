package io.flightdeck.junit;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Measures the live heap around each test method carrying (or whose class carries) {@link HeapGrowthLimit}. */
public final class HeapGrowthExtension implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        Optional<HeapGrowthLimit> found = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(),
                HeapGrowthLimit.class);
        if (found.isEmpty()) {
            found = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), HeapGrowthLimit.class);
        }
        if (found.isEmpty()) {
            invocation.proceed();
            return;
        }
        HeapGrowthLimit limit = found.get();
        if (limit.bytes() < 0 && limit.bytesPerOperation() < 0) {
            throw new IllegalArgumentException("@HeapGrowthLimit needs bytes or bytesPerOperation");
        }
        ClassHistogram before = ClassHistogram.baseline();
        invocation.proceed(); // a body that fails fails as it is; only a passing body is measured
        ClassHistogram after = ClassHistogram.take();
        HeapGrowthReport report = new HeapGrowthReport(before.bytes(), after.bytes(), Math.max(1, limit.operations()),
                after.grewSince(before, HeapGrowthReport.NAMED));
        context.publishReportEntry("heapGrowthBytes", String.valueOf(report.growth()));
        if (limit.bytes() >= 0 && report.growth() > limit.bytes()) {
            throw new AssertionError(report.describe(String.format(Locale.ROOT, "%,d bytes", limit.bytes())));
        }
        if (limit.bytesPerOperation() >= 0 && report.bytesPerOperation() > limit.bytesPerOperation()) {
            throw new AssertionError(report.describe(String.format(Locale.ROOT, "%,.1f bytes per operation",
                    limit.bytesPerOperation())));
        }
    }
}
