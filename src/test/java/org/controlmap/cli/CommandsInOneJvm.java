package org.controlmap.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point for a second JVM that runs several command lines one after the other,
 * so that a test needs one JVM start (about a second of CPU each) rather than one per
 * command. The command lines are separated by {@value #NEXT}. All but the last go
 * through {@link Main#run}, as the test's own JVM runs them; the last goes through
 * {@link Main#main}, so the real entry point (its read-ahead thread, its exit code)
 * runs there too. A command that fails stops the run with its exit code after
 * printing which command it was.
 */
final class CommandsInOneJvm {
    static final String NEXT = "--next-command--";

    private CommandsInOneJvm() {
    }

    public static void main(String[] args) {
        List<String[]> commands = split(args);
        for (int i = 0; i < commands.size() - 1; i++) {
            String[] c = commands.get(i);
            PrintWriter out = new PrintWriter(System.out, true);
            PrintWriter err = new PrintWriter(System.err, true);
            int code = Main.run(c, out, err);
            if (code != 0) {
                err.println("[" + String.join(" ", c) + "] exited " + code);
                System.exit(code);
            }
        }
        Main.main(commands.get(commands.size() - 1));
    }

    /** The argument list for {@link #main}: the command lines joined by {@value #NEXT}. */
    static List<String> join(List<String[]> commands) {
        List<String> all = new ArrayList<>();
        for (String[] c : commands) {
            if (!all.isEmpty()) {
                all.add(NEXT);
            }
            all.addAll(Arrays.asList(c));
        }
        return all;
    }

    private static List<String[]> split(String[] args) {
        List<String[]> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String a : args) {
            if (a.equals(NEXT)) {
                commands.add(current.toArray(String[]::new));
                current.clear();
            } else {
                current.add(a);
            }
        }
        commands.add(current.toArray(String[]::new));
        return commands;
    }
}
