package io.flightdeck.harness.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

import io.flightdeck.child.files.Json;

/**
 * Run in a JVM of its own by {@link HelpPagesTest}: prints every command's help page and reports, as JSON on
 * stdout, what each printed and where. Why a JVM of its own: picocli's tracer, which prints the "[picocli WARN]"
 * lines, keeps the {@code System.err} it found when picocli's class was first loaded; only a JVM that replaces
 * {@code System.err} before that can catch them.
 */
public final class HelpPagesProbe {

    /** What one {@code ... --help} printed: on the command's own writers and on the process's standard error. */
    public record Page(List<String> args, int exitCode, String out, String err, String systemErr) {
    }

    /** A standard error whose target can be switched, installed before picocli's tracer reads System.err. */
    private static final class SwitchableStream extends OutputStream {
        ByteArrayOutputStream target = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.write(b, off, len);
        }
    }

    public static void main(String[] ignored) throws Exception {
        PrintStream realOut = System.out;
        SwitchableStream err = new SwitchableStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        List<List<String>> invocations = new ArrayList<>();
        invocations.add(List.of("--help"));
        collect(Flightdeck.commandLine(), new ArrayList<>(), invocations);
        List<Page> pages = new ArrayList<>();
        for (List<String> args : invocations) {
            err.target = new ByteArrayOutputStream();
            StringWriter out = new StringWriter();
            StringWriter cmdErr = new StringWriter();
            CommandLine cl = Flightdeck.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(cmdErr, true));
            int code = cl.execute(args.toArray(String[]::new));
            System.err.flush();
            pages.add(new Page(args, code, out.toString(), cmdErr.toString(), err.target.toString(StandardCharsets.UTF_8)));
        }
        realOut.println(Json.mapper().writeValueAsString(pages));
        realOut.flush();
    }

    /** {@code CMD --help} and {@code help CMD} for every subcommand, at any depth, as the model lists them. */
    static void collect(CommandLine parent, List<String> path, List<List<String>> into) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            List<String> own = new ArrayList<>(path);
            own.add(sub.getCommandName());
            List<String> help = new ArrayList<>(own);
            help.add("--help");
            if (!into.contains(help)) { // aliases list a command twice
                into.add(help);
                if (path.isEmpty()) {
                    into.add(List.of("help", sub.getCommandName()));
                }
                collect(sub, own, into);
            }
        }
    }
}
