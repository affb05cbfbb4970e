package io.newsclaims.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store suite on the embedded SQLite database. */
class SqliteClaimRepositoryTest extends ClaimRepositoryContract {
    @TempDir
    Path dir;

    @Override
    Database open() {
        return Database.open("jdbc:sqlite:" + dir.resolve("sub/newsclaims.db"), null, null);
    }
}
