// Every watched feed, in the order they were added.
// params: none
// returns: url STRING, title STRING, lastPolledAt STRING, lastError STRING, itemsLoaded INTEGER, lastNewArticles INTEGER, nextPollAt INTEGER
MATCH (f:Feed)
RETURN f.url AS url, f.title AS title, toString(f.lastPolledAt) AS lastPolledAt, f.lastError AS lastError,
       f.itemsLoaded AS itemsLoaded, f.lastNewArticles AS lastNewArticles, f.nextPollAt AS nextPollAt
ORDER BY f.addedAt, f.url
