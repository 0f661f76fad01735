-- Issue 7: how each case reached the KEP, and the authority's result. channel is "counter",
-- "remote" (myKEPlive), "govgr" or "eugo": filed here, or pulled from the case's `channel`
-- field; cases from before issue 7 were all filed at a counter. result_sha256 is the authority's
-- result document (a PDF the server holds), '' until the authority completes the case.
ALTER TABLE kase ADD COLUMN channel TEXT NOT NULL DEFAULT 'counter';
ALTER TABLE kase ADD COLUMN result_sha256 TEXT NOT NULL DEFAULT '';
-- The queues filtered by channel read one status's cases of one channel in due-date order.
CREATE INDEX kase_channel_status ON kase (channel, status, due_date);
