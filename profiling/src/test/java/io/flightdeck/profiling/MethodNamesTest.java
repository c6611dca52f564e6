package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Generated classes' names as real recordings hold them (copied from JDK 17.0 and 25 recordings of the same program,
 * made by JFR and by async-profiler 4.2), each with the name two JVMs must agree on.
 */
class MethodNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // JDK 17 JFR: address after '+', then the class's hash
        "Hidden$$Lambda$88+0x00007f591c007a08.360062456 | Hidden$$Lambda",
        "jdk.jfr.internal.PlatformRecorder$$Lambda$76+0x00007f591c042338.370869802 | jdk.jfr.internal.PlatformRecorder$$Lambda",
        "java.lang.invoke.LambdaForm$MH+0x00007f591c00a000.1003752023 | java.lang.invoke.LambdaForm$MH",
        "java.lang.invoke.LambdaForm$DMH+0x00007f3380009000.1582071873 | java.lang.invoke.LambdaForm$DMH",
        "jdk.internal.reflect.GeneratedMethodAccessor7 | jdk.internal.reflect.GeneratedMethodAccessor",
        "jdk.internal.reflect.GeneratedConstructorAccessor13 | jdk.internal.reflect.GeneratedConstructorAccessor",
        "jdk.internal.reflect.GeneratedSerializationConstructorAccessor2 | jdk.internal.reflect.GeneratedSerializationConstructorAccessor",
        "$Proxy26 | $Proxy",
        "jdk.proxy2.$Proxy7 | jdk.proxy.$Proxy",
        "com.sun.proxy.$Proxy12 | com.sun.proxy.$Proxy",
        // JDK 25 JFR and async-profiler: address after '.', no counter (JDK 21+) or a counter (async-profiler on 17)
        "Hidden$$Lambda.0x0000000082045210 | Hidden$$Lambda",
        "java.lang.invoke.LambdaForm$MH.0x0000000082049800 | java.lang.invoke.LambdaForm$MH",
        "Hidden$$Lambda$4.0x00007f9fb4001000 | Hidden$$Lambda",
        "java.lang.reflect.Proxy$$Lambda.0x0000000077002248 | java.lang.reflect.Proxy$$Lambda",
        // Class.getName's form
        "Foo$$Lambda/0x000001000123 | Foo$$Lambda",
        "java.lang.invoke.LambdaForm$MH/0x0000000800c0a000 | java.lang.invoke.LambdaForm$MH",
        // names that must stay as they are
        "java.lang.invoke.DirectMethodHandle$Holder | java.lang.invoke.DirectMethodHandle$Holder",
        "java.lang.invoke.BoundMethodHandle$Species_LL | java.lang.invoke.BoundMethodHandle$Species_LL",
        "jdk.internal.reflect.DirectMethodHandleAccessor | jdk.internal.reflect.DirectMethodHandleAccessor",
        "com.example.Outer$1 | com.example.Outer$1",
        "com.example.Proxy12 | com.example.Proxy12",
        "java.util.HashMap | java.util.HashMap",
        "libc.so.6 | libc.so.6",
    })
    void perJvmPartsOfAClassNameGo(String raw, String expected) {
        assertThat(MethodNames.normalise(raw)).isEqualTo(expected);
    }

    @Test
    void aWholeFrameNameIsNormalisedAndKeepsItsMethod() {
        assertThat(MethodNames.normalise("Hidden$$Lambda$89+0x00007f591c007c28.1790421142.apply(int)"))
                .isEqualTo("Hidden$$Lambda.apply(int)");
        assertThat(MethodNames.normalise("Hidden$$Lambda.0x0000000082045438.apply(int)"))
                .isEqualTo("Hidden$$Lambda.apply(int)");
        assertThat(MethodNames.normalise("jdk.internal.reflect.GeneratedMethodAccessor7.invoke(Object, Object[])"))
                .isEqualTo("jdk.internal.reflect.GeneratedMethodAccessor.invoke(Object, Object[])");
    }

    @Test
    void jdk17AndJdk25NamesOfOneLambdaAgree() {
        assertThat(MethodNames.normalise("Hidden$$Lambda$88+0x00007f591c007a08.360062456"))
                .isEqualTo(MethodNames.normalise("Hidden$$Lambda.0x0000000023045210"))
                .isEqualTo(MethodNames.normalise("Hidden$$Lambda$4.0x00007f9fb4001000"));
    }
    /** Libraries async-profiler names a frame by when they have no symbols, as recordings here held them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // sqlite-jdbc unpacks its library with a UUID in the name, new in every JVM
        "/tmp/sqlite-3.53.4.0-307efe1e-cda2-403c-bdb7-62ca5185aff3-libsqlitejdbc.so | sqlite-3.53.4.0-libsqlitejdbc.so",
        "/tmp/sqlite-3.53.4.0-9c1d0b4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e-libsqlitejdbc.so | sqlite-3.53.4.0-libsqlitejdbc.so",
        // Netty and JNA add a random number (the digits of x86_64 go with it: there is no telling them apart), and
        // Netty deletes its copy after loading it, which /proc/self/maps marks
        "/tmp/libnetty_transport_native_epoll_x86_643052398479290487203.so | libnetty_transport_native_epoll_x86.so",
        "/tmp/libnetty_transport_native_epoll_x86_64-8142319203129931045.so (deleted) | libnetty_transport_native_epoll_x86_64.so",
        "/tmp/jna--1968219055/jna7303624733937624395.tmp | jna.tmp",
        // installed libraries keep their names (the path goes)
        "/usr/lib/x86_64-linux-gnu/libz.so.1.2.13 | libz.so.1.2.13",
        "/opt/vendor/lib/libfoo.so.20240101 | libfoo.so.20240101",
        // symbols are not touched
        "deflate_slow | deflate_slow",
        "Mutex::lock | Mutex::lock",
        "std::vector<int, std::allocator<int>>::push_back(int const&) | std::vector<int, std::allocator<int>>::push_back(int const&)",
        "operator/(a, b) | operator/(a, b)",
    })
    void librariesWithoutSymbolsAreNamedAlikeInEveryJvm(String raw, String expected) {
        assertThat(MethodNames.nativeSymbol(raw)).isEqualTo(expected);
    }
}
