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
            docker = !disabled && DockerClientFactory.instance().isDockerAvailable();
        }
        return docker;
    }

    /** True on CI, where an integration test must fail rather than skip for a missing service. */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getenv("NEWSCLAIMS_CI"));
    }
}
