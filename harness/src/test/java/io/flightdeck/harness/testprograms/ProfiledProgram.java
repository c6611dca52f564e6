package io.flightdeck.harness.testprograms;

/**
 * A program nobody wrote for Flightdeck, for {@code flightdeck profile}: a fixed amount of work in two methods (no
 * clock: the same work on a fast or a slow machine), a line on stdout and one on stderr, and the exit code given as
 * its first argument.
 */
public final class ProfiledProgram {

    public static final String STDOUT_LINE = "profiled program: done, checksum ";
    public static final String STDERR_LINE = "profiled program: a line on stderr";

    private ProfiledProgram() {
    }

    static long mix(long rounds) {
        long s = 0;
        for (long i = 0; i < rounds; i++) {
            s += (i * 0x9E3779B97F4A7C15L) >>> 17;
        }
        return s;
    }

    static long allocate(int rounds) {
        long s = 0;
        for (int i = 0; i < rounds; i++) {
            long[] block = new long[1000];
            block[i % block.length] = i;
            s += block.length + block[i % block.length];
        }
        return s;
    }

    public static void main(String[] args) {
        long checksum = 0;
        for (int r = 0; r < 20; r++) {
            checksum += mix(20_000_000L) + allocate(20_000);
        }
        System.out.println(STDOUT_LINE + checksum);
        System.err.println(STDERR_LINE);
        System.exit(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    }
}
