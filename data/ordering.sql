-- ordering.sql - the schema of sql/ordering.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Authors with NULLs and ties in rank and city; articles with and without
-- an author, so that ordering through the object relationship meets NULLs
-- and ordering by the array relationship's aggregates meets empty sets.
CREATE TABLE ord_author (id int PRIMARY KEY, name text COLLATE "C" NOT NULL,
                         rank int, city text COLLATE "C");
CREATE TABLE ord_article (id int PRIMARY KEY, author_id int REFERENCES ord_author (id),
                          title text COLLATE "C" NOT NULL, score int, day date);
-- articles per author: 1 → 3, 2 → 2, 3 → 1, 4 → 1, 5 → 0; article 15 has none
INSERT INTO ord_author VALUES
  (1, 'Ann', 2, 'Oslo'), (2, 'Bob', NULL, 'Rome'), (3, 'Cid', 1, NULL),
  (4, 'Dee', 2, 'Oslo'), (5, 'Eve', NULL, 'Bern');
INSERT INTO ord_article VALUES
  (10, 1, 'delta', 5, '2024-01-03'), (11, 1, 'alpha', NULL, '2024-01-01'),
  (12, 1, 'echo', 7, NULL), (13, 2, 'bravo', 7, '2024-01-02'),
  (14, 3, 'golf', 1, '2024-01-05'), (15, NULL, 'charlie', 3, '2024-01-02'),
  (16, 4, 'foxtrot', NULL, '2024-01-04'), (17, 2, 'hotel', 2, NULL);
