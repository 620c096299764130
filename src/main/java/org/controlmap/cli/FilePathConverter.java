package org.controlmap.cli;

import java.io.File;
import java.nio.file.Path;
import org.controlmap.InputException;
import picocli.CommandLine;

/**
 * Turns every {@code Path} option into a {@link Path}, refusing a name that
 * ends in a separator ({@code -o newdir/}): such a name means a directory,
 * which {@link Path} would silently drop, and a FILE called {@code newdir}
 * would be written. Every {@code Path} option of the commands names a file;
 * an option that takes a directory must set its own converter.
 */
final class FilePathConverter implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        if (value.length() > 1 && (value.endsWith("/") || value.endsWith(File.separator))) {
            throw new InputException(value + ": names a directory (ends with " + value.charAt(value.length() - 1)
                    + "); give a file name");
        }
        return Path.of(value);
    }
}
