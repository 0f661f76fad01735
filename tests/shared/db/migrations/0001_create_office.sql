-- Offices. The seeded name holds )" and )sql" on purpose: the embedding must pick a raw-string
-- delimiter that neither of them closes.
CREATE TABLE office (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
INSERT INTO office (id, name) VALUES (1, 'ΚΕΠ Δήμου Αθηναίων )" )sql" ;');
