/**
 * The JMH benchmarks of the CPU-bound stages (main-text extraction, English and Chinese claim
 * extraction, Chinese figures), run by {@code newsclaims bench jmh} from the product's own jar.
 */
package io.newsclaims.app.bench.jmh;
