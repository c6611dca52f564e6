package io.flightdeck.child.measure.resources;

import oshi.software.os.OSProcess;

/** The cumulative OS counters of the process at one moment; null when OSHI could not read them. */
record ProcessCounters(long userMillis, long kernelMillis, long residentBytes, long bytesRead, long bytesWritten) {

    static ProcessCounters read(OSProcess process) {
        if (!OshiProcess.refresh(process)) {
            return null;
        }
        return new ProcessCounters(process.getUserTime(), process.getKernelTime(), process.getResidentSetSize(),
                process.getBytesRead(), process.getBytesWritten());
    }
}
