-- pagination.sql - the schema of sql/pagination.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Seven shelves with a varying number of books; a table whose primary key
-- has two columns (one of them text) for _by_pk.
CREATE TABLE pag_shelf (id int PRIMARY KEY, label text NOT NULL);
CREATE TABLE pag_book (id int PRIMARY KEY, shelf_id int REFERENCES pag_shelf (id),
                       pages int, price numeric(6, 2));
CREATE TABLE pag_copy (book_id int REFERENCES pag_book (id), code text, n int NOT NULL,
                       PRIMARY KEY (book_id, code));
-- books per shelf: 1 → 4, 2 → 2, 3 → 1, 4..7 → 0
INSERT INTO pag_shelf SELECT i, 'shelf ' || i FROM generate_series(1, 7) AS i;
INSERT INTO pag_book VALUES
  (1, 1, 100, 9.50), (2, 1, 250, 12.00), (3, 1, 80, NULL), (4, 1, 300, 20.25),
  (5, 2, 120, 7.75), (6, 2, NULL, 5.00), (7, 3, 410, 30.00), (8, NULL, 90, 1.25);
INSERT INTO pag_copy VALUES (1, 'a', 1), (1, 'b', 2), (2, 'a', 3), (4, 'z', 4);
