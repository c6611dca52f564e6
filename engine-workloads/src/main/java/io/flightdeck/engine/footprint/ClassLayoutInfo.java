package io.flightdeck.engine.footprint;

import java.util.List;

/**
 * How the JVM lays out one instance of a class (the object alone, not what its fields point to).
 *
 * @param instanceSize bytes of one instance, header and alignment padding included
 * @param headerSize   bytes of the object header (mark word and class pointer); null if JOL cannot tell
 * @param fields       the fields in offset order
 * @param lossesBytes  bytes lost to padding, between fields and at the end
 * @param simulated    true when the offsets are JOL's model of HotSpot's layout rules rather than read from the
 *                     running JVM (see {@link FootprintProbe#layoutOf}); the model agreed with the JVM on every
 *                     model record on JDK 17
 */
public record ClassLayoutInfo(String className, long instanceSize, Integer headerSize, List<FieldLayout> fields,
                              long lossesBytes, boolean simulated) {

    public ClassLayoutInfo {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
