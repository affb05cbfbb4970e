/**
 * Politeness: one {@link io.newsclaims.ingest.politeness.HostKey} per host, the
 * {@link io.newsclaims.ingest.politeness.HostClock} that spaces every request to a host, the back-off
 * of hosts that keep failing, and robots.txt. Below the fetcher and the engine; depends only on outcomes.
 */
package io.newsclaims.ingest.politeness;
