package io.flightdeck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test whose body leaves the live heap larger than the limit, naming the classes that grew:
 *
 * <pre>{@code
 * @Test
 * @HeapGrowthLimit(bytesPerOperation = 64, operations = 10_000)
 * void listenersAreRemoved() {
 *     for (int i = 0; i < 10_000; i++) { bus.subscribe(listener).close(); }
 * }
 * }</pre>
 *
 * The heap is measured after a full collection before and after the test method (not its {@code @BeforeEach}), so
 * what the method keeps reachable counts, including what it stores in the test instance's fields. Give the body
 * enough operations that a few kilobytes of first-call effects (class loading, lambdas) are small per operation, or
 * use {@link HeapGrowth#assertPerOperation}, which warms up first. On a class, it applies to every test method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(HeapGrowthExtension.class)
public @interface HeapGrowthLimit {

    /** The most the live heap may grow across the body, in bytes; -1 for no such limit. */
    long bytes() default -1;

    /** The most it may grow per operation, on average; -1 for no such limit. */
    double bytesPerOperation() default -1;

    /** How many operations the body does: the divisor of {@link #bytesPerOperation()}. */
    long operations() default 1;
}
