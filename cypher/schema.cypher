// Constraints and indexes of the newsgraph model. Every statement is idempotent (IF NOT EXISTS), so the
// server applies this file on each start. Statements end with ";" at the end of a line.

// One node per stable id, per label. Entity nodes carry :Entity plus their type label, so both hold.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT government_id IF NOT EXISTS FOR (n:Government) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;

// Idempotent loading looks articles up by the hash of their cleaned text.
CREATE INDEX article_sha256 IF NOT EXISTS FOR (n:Article) ON (n.sha256);
// URL loads look articles up by their canonical URL.
CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url);
// The timeline filters and orders events by date and kind.
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);
// Sorting/filtering entities by name in generated GraphQL queries (companies(where: {name: …})).
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
// Generated filters such as companies(where: {name: {contains: "nord"}}) and articles(where: {title: {contains}}):
// a text index answers CONTAINS / ENDS WITH without scanning every node (28.7 -> 7.7 ms p50 at 10^5 entities).
CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE TEXT INDEX article_title_text IF NOT EXISTS FOR (n:Article) ON (n.title);
// Loading asks, for every article, which of its entity ids were merged away (entities-redirects.cypher):
// without this index that is a scan of every entity (42 ms at 20,000 entities, BENCHMARKS.md).
CREATE INDEX entity_merged_ids IF NOT EXISTS FOR (n:Entity) ON (n.mergedIds);

// Search. Entity aliases are a list; `aliasText` holds them joined into one string, so the index works on
// every Neo4j 5 version (list-valued properties are not indexed by full-text indexes on older 5.x).
// standard-no-stop-words: names are not Danish prose, so no stemming and no stop words ("Det", "Om").
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE FULLTEXT INDEX event_summaries IF NOT EXISTS FOR (n:Event) ON EACH [n.summary]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE FULLTEXT INDEX article_titles IF NOT EXISTS FOR (n:Article) ON EACH [n.title]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
// One :Feed per watched feed address; the poller finds the next due feed by nextPollAt.
CREATE CONSTRAINT feed_url IF NOT EXISTS FOR (n:Feed) REQUIRE n.url IS UNIQUE;
CREATE INDEX feed_next_poll IF NOT EXISTS FOR (n:Feed) ON (n.nextPollAt);
