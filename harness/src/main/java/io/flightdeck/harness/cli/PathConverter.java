package io.flightdeck.harness.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every path option and parameter of every command: an empty or blank one is refused, since {@code Path.of("")}
 * is the current folder, and {@code -o ''} would write a run's results among whatever is there.
 */
final class PathConverter implements ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        if (value.isBlank()) {
            throw new TypeConversionException("an empty path; name a file or folder ('.' for the current folder)");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + value + "' is not a path: " + e.getReason());
        }
    }
}
