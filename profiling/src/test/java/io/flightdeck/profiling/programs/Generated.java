package io.flightdeck.profiling.programs;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;

/**
 * A program whose hot code runs through classes the JVM generates, each named differently by every JVM: two
 * lambdas, a reflective call (a generated accessor on JDK 17), a proxy and a method handle. Argument: seconds to run.
 */
public final class Generated {

    static volatile long sink;

    /** The proxy's interface: public, so that the proxy lands in a {@code jdk.proxyN} module package. */
    public interface Work {
        long run(int n);
    }

    public static void main(String[] args) throws Throwable {
        long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        LongSupplier supplier = () -> spin(20_000);
        IntToLongFunction function = n -> spin(n);
        Method reflective = Generated.class.getMethod("target", int.class);
        Work proxy = (Work) Proxy.newProxyInstance(Generated.class.getClassLoader(), new Class<?>[] {Work.class},
                (p, method, a) -> spin((Integer) a[0]));
        MethodHandle handle = MethodHandles.filterReturnValue(MethodHandles.lookup().findStatic(Generated.class,
                "spin", MethodType.methodType(long.class, int.class)), MethodHandles.identity(long.class));
        while (System.nanoTime() < end) {
            sink += supplier.getAsLong();
            sink += function.applyAsLong(20_000);
            sink += (long) reflective.invoke(null, 20_000);
            sink += proxy.run(20_000);
            sink += (long) handle.invokeExact(20_000);
        }
        System.out.println(sink == 42 ? "" : "done");
    }

    public static long target(int n) {
        return spin(n);
    }

    static long spin(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += (i ^ (s >>> 7)) * 31;
        }
        return s;
    }
}
