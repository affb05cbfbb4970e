/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one), run inside this
 * JVM from Kafka's own server classes. It backs {@code newsclaims run} when no cluster is given,
 * and the integration tests on machines without Docker.
 */
package io.newsclaims.broker;
