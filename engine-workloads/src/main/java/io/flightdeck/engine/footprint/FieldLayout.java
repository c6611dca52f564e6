package io.flightdeck.engine.footprint;

/**
 * One field of a class as the JVM lays it out.
 *
 * @param type   the declared type, e.g. {@code java.lang.String} or {@code long}
 * @param offset bytes from the start of the object, header included
 * @param size   bytes the field takes (a reference is 4 with compressed oops, else 8)
 */
public record FieldLayout(String name, String type, long offset, long size) {
}
