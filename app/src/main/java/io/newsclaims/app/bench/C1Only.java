package io.newsclaims.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps the code this JVM compiles from now on to the C1 compiler, as {@code -XX:TieredStopAtLevel=1}
 * would from the start: a compiler directive excluding every method from C2, added through the
 * JVM's diagnostic command MBean (what {@code jcmd PID Compiler.directives_add} does); a method C2
 * may not compile is compiled by C1 without profiling. For a benchmark process that lives a minute
 * and cannot choose its own JVM's options: in {@code bench crawl} the C2 compiler of the process
 * serving the sites and the broker took 5 to 7 CPU seconds a run, about 2 of them inside the
 * crawl's window, competing with the crawlers for the same cores.
 */
final class C1Only {
    private static final String NO_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private C1Only() {
    }

    /** Adds the directive; returns what the JVM answered, or why it could not be added. */
    static String fromNow() {
        try {
            Path directives = Files.createTempFile("newsclaims-no-c2", ".json");
            try {
                Files.writeString(directives, NO_C2);
                return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {directives.toString()}}, new String[] {String[].class.getName()})).trim();
            } finally {
                Files.deleteIfExists(directives);
            }
        } catch (IOException | JMException | RuntimeException e) {
            return "not added (" + e + "): C2 compiles as usual";
        }
    }
}
