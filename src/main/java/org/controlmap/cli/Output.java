package org.controlmap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.controlmap.io.AtomicOutput;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command's text output goes: a file written atomically, or stdout. */
final class Output {
    private Output() {
    }

    static void write(CommandSpec spec, Path file, AtomicOutput.Writer writer) throws IOException {
        if (file != null) {
            AtomicOutput.write(file, false, writer);
            return;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        writer.writeTo(buf);
        spec.commandLine().getOut().print(buf.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
    }
}
