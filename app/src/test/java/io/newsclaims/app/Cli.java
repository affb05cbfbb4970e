package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** Runs the {@code newsclaims} command line in-process, capturing what a user would see. */
final class Cli {
    private Cli() {
    }

    record Result(int rc, String out, String err) {
    }

    static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new Result(rc, out.toString(), err.toString());
    }

    /** Runs a command that must succeed; returns its standard output. */
    static String succeed(List<String> args) {
        Result r = execute(args.toArray(String[]::new));
        assertEquals(0, r.rc(), () -> "exit code; stdout: " + r.out() + " stderr: " + r.err());
        return r.out();
    }
}
