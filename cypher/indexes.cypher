// Indexes the API's questions use. Idempotent: safe to run on every start.

// Full-text search over names, aliases (curator-added ones included), descriptions, curators'
// notes and the search keys of the names ("il20", "unsc": src/knowledge/search-keys.ts) of every
// kind; folding ignores case and accents.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliasText, n.description, n.noteText, n.searchKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };

// Typed lists in name order, and kind-specific lookups.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.dateStart);
CREATE INDEX incident_date IF NOT EXISTS FOR (n:Incident) ON (n.dateStart);
CREATE INDEX treaty_signed IF NOT EXISTS FOR (n:Treaty) ON (n.signedStart);
CREATE INDEX resolution_number IF NOT EXISTS FOR (n:UNResolution) ON (n.number);
CREATE INDEX status_period_from IF NOT EXISTS FOR (n:StatusPeriod) ON (n.validFromStart);
CREATE INDEX entity_kind_name IF NOT EXISTS FOR (n:Entity) ON (n.kind, n.name);

// The timeline reads each kind in date order from the index on its date's first day.
CREATE INDEX resolution_date IF NOT EXISTS FOR (n:UNResolution) ON (n.dateStart);
CREATE INDEX conflict_start IF NOT EXISTS FOR (n:Conflict) ON (n.startStart);
CREATE INDEX figure_period IF NOT EXISTS FOR (n:Figure) ON (n.periodStart);
