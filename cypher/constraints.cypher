// Uniqueness of every id. Idempotent: safe to run on every start.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
// The write path: revisions are numbered by one counter; API keys are found by id.
CREATE CONSTRAINT revision_number IF NOT EXISTS FOR (r:Revision) REQUIRE r.number IS UNIQUE;
CREATE CONSTRAINT revision_counter IF NOT EXISTS FOR (c:RevisionCounter) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
