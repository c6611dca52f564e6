package io.flightdeck.child.measure.resources;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/**
 * The OSHI view of the current process. Building {@link SystemInfo} takes about 0.8 s, so it is built once,
 * lazily, by the class-holder idiom; a platform OSHI cannot handle yields {@code null} rather than an error.
 */
final class OshiProcess {

    private OshiProcess() {
    }

    private static final class Holder {
        static final SystemInfo SYSTEM = create();

        private static SystemInfo create() {
            try {
                SystemInfo si = new SystemInfo();
                si.getOperatingSystem().getCurrentProcess(); // loads the native and /proc readers now, not mid-phase
                return si;
            } catch (Throwable unavailable) { // JNA linkage errors included: the measurement must still go on
                return null;
            }
        }
    }

    static void warmUp() {
        Holder.SYSTEM.hashCode();
    }

    /**
     * A fresh handle on the current process, or null. Each caller gets its own handle because
     * {@link OSProcess#updateAttributes()} mutates it and the sampler thread refreshes concurrently with stop().
     */
    static OSProcess current() {
        SystemInfo si = Holder.SYSTEM;
        if (si == null) {
            return null;
        }
        try {
            return si.getOperatingSystem().getCurrentProcess();
        } catch (RuntimeException unavailable) {
            return null;
        }
    }

    /** Refreshes the handle; false when it could not be (the caller then treats its figures as unknown). */
    static boolean refresh(OSProcess process) {
        if (process == null) {
            return false;
        }
        try {
            return process.updateAttributes();
        } catch (RuntimeException unavailable) {
            return false;
        }
    }
}
