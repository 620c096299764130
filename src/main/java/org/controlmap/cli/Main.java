package org.controlmap.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.controlmap.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of {@code ./controlmap}. Turns every failure into one clear line
 * on stderr: bad input (an {@link InputException}, a usage error) exits 2,
 * the JVM's memory or stack running out exits 3 ({@link JvmLimits}),
 * anything else is a bug and exits 1; stack traces only with {@code --debug}.
 */
@Command(name = "controlmap",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Exact geodesic km² of who holds what in the Russia–Ukraine war, as tables and maps.")
public final class Main implements Runnable {

    /** The commands, in the order help lists them. */
    private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

    static {
        // picocli probes for Groovy closures with Class.forName("groovy.lang.Closure"): a miss that opens
        // every jar on the class path, 36 of them with the GeoPackage and FlatGeobuf readers' libraries.
        // There are no closures here, so skip the probe (start-up of a short run).
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        // Each @Option is an annotation proxy made through one reflective constructor; past 15 calls the JDK
        // spends ~5 ms generating a bytecode accessor for it ("inflation"), which a run of one command, with
        // 16 or more options, never earns back. Read when reflection is first used, i.e. after this.
        if (System.getProperty("sun.reflect.inflationThreshold") == null) {
            System.setProperty("sun.reflect.inflationThreshold", "64");
        }
        COMMANDS.put("areas", AreasCommand.class);
        COMMANDS.put("render", RenderCommand.class);
        COMMANDS.put("check", CheckCommand.class);
        COMMANDS.put("series", SeriesCommand.class);
        COMMANDS.put("diff", DiffCommand.class);
        COMMANDS.put("animate", AnimateCommand.class);
        COMMANDS.put("report", ReportCommand.class);
        COMMANDS.put("web", WebCommand.class);
        COMMANDS.put("warm-up", WarmUpCommand.class);
    }

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // No read-ahead of the regions or the scenario on a second thread before picocli: it saved nothing
        // (areas median 398 ms with it, 399 without, 30 runs each, interleaved; render 1,330 and 1,330 ms,
        // 10 runs each; CDS archive in use), and it needed the command line parsed by hand.
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI without exiting; returns the exit code. Tests call this. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new Main());
        // picocli reads every command's annotations when it is added; a run needs only
        // its own command (help and unknown names get them all).
        String asked = firstCommandWord(args);
        if (asked != null && COMMANDS.containsKey(asked)) {
            cl.addSubcommand(asked, COMMANDS.get(asked));
        } else {
            for (Map.Entry<String, Class<?>> c : COMMANDS.entrySet()) {
                cl.addSubcommand(c.getKey(), c.getValue());
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(java.nio.file.Path.class, new FilePathConverter());
        Failures failures = new Failures(err, debug);
        cl.setExitCodeExceptionMapper(failures);
        cl.setParameterExceptionHandler(failures);
        cl.setExecutionExceptionHandler(failures);
        int code;
        try {
            code = cl.execute(args);
        } catch (Error e) { // picocli passes Errors on: no trace for the user, one line
            code = JvmLimits.report(e, err, debug);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Turns failures into one line on stderr and an exit code. A named class,
     * not lambdas: picocli's interfaces are Java 5 class files, and a lambda
     * implementing one makes the class-data-sharing dump link them, after
     * which it leaves CommandLine itself out of the archive ("Old class has
     * been linked"), costing every run ~40 ms of bytecode verification.
     */
    private static final class Failures implements CommandLine.IExitCodeExceptionMapper,
            CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
        private final PrintWriter err;
        private final boolean debug;

        Failures(PrintWriter err, boolean debug) {
            this.err = err;
            this.debug = debug;
        }

        @Override
        public int getExitCode(Throwable e) {
            return e instanceof InputException ? 2 : 1;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            if (ex.getCause() instanceof InputException in) {
                // A converter's own one-line message (FilePathConverter) says it all.
                err.println("controlmap: " + in.getMessage());
                return 2;
            }
            err.println("controlmap: " + ex.getMessage());
            err.println("Try 'controlmap " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            return 2;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine,
                CommandLine.ParseResult parseResult) {
            if (debug) {
                ex.printStackTrace(err);
            }
            if (ex instanceof InputException) {
                err.println("controlmap: " + ex.getMessage());
                return 2;
            }
            err.println("controlmap: internal error: " + ex
                    + (debug ? "" : " (run with --debug for details; please report it)"));
            return 1;
        }
    }

    /**
     * The command asked for, the first word that is not an option (Main's own {@code --debug} may come
     * first): read before picocli parses, to register only that command (each command's annotations cost
     * start-up when it is added).
     */
    private static String firstCommandWord(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }

    /** Version from the jar manifest, "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"controlmap " + (v == null ? "dev" : v),
                "Java " + System.getProperty("java.version")};
        }
    }
}
