package io.newsclaims.store;

import io.newsclaims.testkit.PostgresFixture;

/** The store suite on a real PostgreSQL (Testcontainers, or the local server without Docker). */
class PostgresClaimRepositoryIT extends ClaimRepositoryContract {
    @Override
    Database open() {
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        return Database.open(pg.jdbcUrl(), pg.user(), pg.password());
    }
}
