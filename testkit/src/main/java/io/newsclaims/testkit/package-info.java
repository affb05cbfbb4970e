/**
 * Test fixtures on real parts: a Kafka broker and a PostgreSQL database. Where a Docker engine
 * runs, Testcontainers starts them ({@code apache/kafka}, {@code postgres}); elsewhere the
 * in-process KRaft broker and the local PostgreSQL serve. Under {@code CI=true} a missing
 * database fails the test instead of skipping it.
 */
package io.newsclaims.testkit;
