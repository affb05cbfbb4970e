package io.newsclaims.testkit;

import org.testcontainers.DockerClientFactory;

/** What the test machine offers. */
public final class Environment {
    private static Boolean docker;

    private Environment() {
    }

    /** True when a Docker engine answers (Testcontainers can start containers). */
    public static synchronized boolean dockerAvailable() {
        if (docker == null) {
            boolean disabled = "false".equalsIgnoreCase(System.getenv("NEWSCLAIMS_TEST_DOCKER"));
            // without a socket or DOCKER_HOST there is no engine to ask; skip Testcontainers' noisy probe
            boolean maybe = System.getenv("DOCKER_HOST") != null || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                    || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                    || System.getProperty("os.name", "").startsWith("Windows") || System.getProperty("os.name", "").startsWith("Mac");
            docker = !disabled && maybe && DockerClientFactory.instance().isDockerAvailable();
        }
        return docker;
    }

    /** True on CI, where an integration test must fail rather than skip for a missing service. */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getenv("NEWSCLAIMS_CI"));
    }
}
