// Records a finished poll and gives the lease back: when it ran, what it loaded or why it failed, the validators
// for the next conditional request, the item links now loaded, and when the feed is due again.
// params: $url STRING, $owner STRING, $title STRING, $error STRING, $newArticles INTEGER, $etag STRING, $lastModified STRING, $loadedLinks LIST<STRING>, $nextPollInMs INTEGER
// returns: url STRING, title STRING, lastPolledAt STRING, lastError STRING, itemsLoaded INTEGER, lastNewArticles INTEGER, nextPollAt INTEGER
MATCH (f:Feed {url: $url})
WHERE f.leaseOwner = $owner
SET f.lastPolledAt = datetime(),
    f.lastError = $error,
    f.title = coalesce($title, f.title),
    f.itemsLoaded = coalesce(f.itemsLoaded, 0) + $newArticles,
    f.lastNewArticles = $newArticles,
    f.etag = $etag,
    f.lastModified = $lastModified,
    f.loadedLinks = $loadedLinks,
    f.nextPollAt = timestamp() + $nextPollInMs,
    f.leaseOwner = null,
    f.leaseUntil = null
RETURN f.url AS url, f.title AS title, toString(f.lastPolledAt) AS lastPolledAt, f.lastError AS lastError,
       f.itemsLoaded AS itemsLoaded, f.lastNewArticles AS lastNewArticles, f.nextPollAt AS nextPollAt
