// Starts watching a feed (or keeps watching it): due for a poll at once, counters kept when it was there already.
// params: $url STRING
// returns: url STRING, title STRING, lastPolledAt STRING, lastError STRING, itemsLoaded INTEGER, lastNewArticles INTEGER, nextPollAt INTEGER
MERGE (f:Feed {url: $url})
  ON CREATE SET f.itemsLoaded = 0, f.addedAt = datetime(), f.loadedLinks = []
SET f.nextPollAt = timestamp()
RETURN f.url AS url, f.title AS title, toString(f.lastPolledAt) AS lastPolledAt, f.lastError AS lastError,
       f.itemsLoaded AS itemsLoaded, f.lastNewArticles AS lastNewArticles, f.nextPollAt AS nextPollAt
