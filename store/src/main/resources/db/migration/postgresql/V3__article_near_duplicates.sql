-- Syndicated copies: an article whose text is nearly that of an earlier one points to it.
ALTER TABLE articles ADD COLUMN simhash VARCHAR(16);
ALTER TABLE articles ADD COLUMN near_duplicate_of VARCHAR(64);
CREATE INDEX articles_near_duplicate_of ON articles (near_duplicate_of);
