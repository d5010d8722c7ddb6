-- Upload chunks are stored as they come: pglz compression of every 1 MiB chunk cost more time than the space it saved.
ALTER TABLE upload_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

-- Byte-wise key comparison whatever the server's locale: symbols and interval codes are ASCII identifiers.
ALTER TABLE candles
    ALTER COLUMN symbol TYPE varchar(32) COLLATE "C",
    ALTER COLUMN interval TYPE varchar(4) COLLATE "C";
