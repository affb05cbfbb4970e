/** The extractor as a Kafka worker: articles topic in, claims topic out, exactly once. */
package io.newsclaims.extract.worker;
