/** Benchmark commands: they print the figures recorded in docs/benchmarks.md. */
package io.newsclaims.app.bench;
