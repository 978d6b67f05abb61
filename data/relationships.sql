-- relationships.sql - the schema of sql/relationships.sql (loaded with \i),
-- also checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Regions keyed by two columns (a two-column foreign key from cities),
-- people in cities with a manager (a self reference), messages with two
-- foreign keys to people (sender NOT NULL, recipient nullable).
CREATE TABLE rel_region (country char(2), code int, name text NOT NULL,
                         PRIMARY KEY (country, code));
CREATE TABLE rel_city (id int PRIMARY KEY, name text NOT NULL, country char(2), region_code int,
                       FOREIGN KEY (country, region_code) REFERENCES rel_region (country, code));
CREATE TABLE rel_person (id int PRIMARY KEY, name text NOT NULL,
                         city_id int REFERENCES rel_city (id),
                         manager_id int REFERENCES rel_person (id));
CREATE TABLE rel_message (id int PRIMARY KEY, body text NOT NULL,
                          sender_id int NOT NULL REFERENCES rel_person (id),
                          recipient_id int REFERENCES rel_person (id));
INSERT INTO rel_region VALUES ('NO', 1, 'East'), ('NO', 2, 'West'), ('IT', 1, 'North'), ('IT', 9, 'Islands');
-- Bergen has half a key (MATCH SIMPLE: no region); region IT 9 has no city
INSERT INTO rel_city VALUES (1, 'Oslo', 'NO', 1), (2, 'Bergen', 'NO', NULL), (3, 'Milano', 'IT', 1),
                            (4, 'Torino', 'IT', 1), (5, 'Stavanger', 'NO', 2);
-- 1 manages 2 and 3, 2 manages 4, 4 manages 5: a chain of four levels
INSERT INTO rel_person VALUES (1, 'Ann', 1, NULL), (2, 'Bob', 3, 1), (3, 'Cid', 1, 1),
                              (4, 'Dee', 4, 2), (5, 'Eve', NULL, 4), (6, 'Fay', 2, NULL);
INSERT INTO rel_message VALUES (10, 'hi Bob', 1, 2), (11, 'hi Ann', 2, 1), (12, 'note to self', 3, 3),
                               (13, 'broadcast', 1, NULL), (14, 'hello again', 2, 1), (15, 'hi all', 4, NULL);
