-- Grain storage for Orleans' ADO.NET provider (Microsoft.Orleans.Persistence.AdoNet) on PostgreSQL, written for this
-- repository (MIT, as the rest of it). It implements the provider's documented interface contract — the provider reads
-- the query texts from a table OrleansQuery (QueryKey, QueryText) and calls them with the parameters @GrainIdHash,
-- @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion and
-- @PayloadBinary (Orleans 7 and later write every serialiser's output there); reads return PayloadBinary, PayloadXml,
-- PayloadJson (always null here), a timestamp and Version; writes and clears return NewGrainStateVersion (an unchanged version means the optimistic check failed) —
-- rather than the scripts shipped in the Orleans repository (PostgreSQL-Main.sql, PostgreSQL-Persistence.sql), whose
-- contract notes allow deployment-specific implementations. Differences: one table with a primary key instead of a hash
-- index, and plain statements (INSERT ... ON CONFLICT DO NOTHING for the first write) instead of a PL/pgSQL function.
-- Run it in an empty schema and put that schema on the connection's search path (Npgsql: "Search Path=<schema>").

CREATE TABLE OrleansQuery
(
    QueryKey varchar(64) NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);

CREATE TABLE OrleansGrainState
(
    ServiceId varchar(150) NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainIdExtension varchar(512) NOT NULL, -- '' when the provider passes none
    PayloadBinary bytea,
    ModifiedOn timestamptz NOT NULL,
    Version integer NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtension)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
SELECT PayloadBinary, CAST(NULL AS xml) AS PayloadXml, CAST(NULL AS text) AS PayloadJson, now() AS ReadOn, Version
FROM OrleansGrainState
WHERE ServiceId = CAST(@ServiceId AS varchar)
  AND GrainTypeString = CAST(@GrainTypeString AS varchar)
  AND GrainIdN0 = CAST(@GrainIdN0 AS bigint)
  AND GrainIdN1 = CAST(@GrainIdN1 AS bigint)
  AND GrainIdExtension = COALESCE(CAST(@GrainIdExtensionString AS varchar), '''')
'),
('WriteToStorageKey', '
WITH updated AS (
    UPDATE OrleansGrainState
    SET PayloadBinary = CAST(@PayloadBinary AS bytea),
        ModifiedOn = now(), Version = Version + 1
    WHERE CAST(@GrainStateVersion AS integer) IS NOT NULL
      AND ServiceId = CAST(@ServiceId AS varchar)
      AND GrainTypeString = CAST(@GrainTypeString AS varchar)
      AND GrainIdN0 = CAST(@GrainIdN0 AS bigint)
      AND GrainIdN1 = CAST(@GrainIdN1 AS bigint)
      AND GrainIdExtension = COALESCE(CAST(@GrainIdExtensionString AS varchar), '''')
      AND Version = CAST(@GrainStateVersion AS integer)
    RETURNING Version),
inserted AS (
    INSERT INTO OrleansGrainState (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtension, PayloadBinary, ModifiedOn, Version)
    SELECT CAST(@ServiceId AS varchar), CAST(@GrainTypeString AS varchar), CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint),
           COALESCE(CAST(@GrainIdExtensionString AS varchar), ''''), CAST(@PayloadBinary AS bytea), now(), 1
    WHERE CAST(@GrainStateVersion AS integer) IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version)
SELECT COALESCE((SELECT Version FROM updated), (SELECT Version FROM inserted), CAST(@GrainStateVersion AS integer)) AS NewGrainStateVersion
'),
('ClearStorageKey', '
UPDATE OrleansGrainState
SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
WHERE ServiceId = CAST(@ServiceId AS varchar)
  AND GrainTypeString = CAST(@GrainTypeString AS varchar)
  AND GrainIdN0 = CAST(@GrainIdN0 AS bigint)
  AND GrainIdN1 = CAST(@GrainIdN1 AS bigint)
  AND GrainIdExtension = COALESCE(CAST(@GrainIdExtensionString AS varchar), '''')
  AND Version = CAST(@GrainStateVersion AS integer)
RETURNING Version AS NewGrainStateVersion
');
