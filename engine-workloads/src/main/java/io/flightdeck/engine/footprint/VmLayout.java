package io.flightdeck.engine.footprint;

/**
 * The JVM settings that object sizes depend on: the same objects take different bytes with other settings
 * (e.g. a heap over 32 GiB turns compressed oops off and references double in size), so every footprint
 * carries the settings it was measured under.
 *
 * @param javaVersion             {@code Runtime.version()} of the measuring JVM
 * @param addressSizeBytes        size of a native address (8 on a 64-bit JVM)
 * @param referenceSizeBytes      size of a reference field
 * @param compressedOops          whether references are compressed (4-byte) on a 64-bit JVM
 * @param compressedClassPointers whether the header's class pointer is compressed (4-byte)
 * @param objectAlignmentBytes    every object's size is rounded up to a multiple of this
 * @param objectHeaderBytes       header of a plain object
 * @param arrayHeaderBytes        header of an array, its length included
 */
public record VmLayout(String javaVersion, int addressSizeBytes, long referenceSizeBytes, boolean compressedOops,
                       boolean compressedClassPointers, int objectAlignmentBytes, int objectHeaderBytes,
                       int arrayHeaderBytes) {
}
