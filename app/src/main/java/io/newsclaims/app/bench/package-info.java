/**
 * Every benchmark of the project, in one home: the commands that print the figures recorded in
 * docs/benchmarks.md ({@code bench articles}, {@code pipeline}, {@code crawl}...) and, below them in
 * {@link io.newsclaims.app.bench.jmh}, the JMH benchmarks that {@code bench jmh} runs.
 */
package io.newsclaims.app.bench;
