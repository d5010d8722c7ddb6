-- An equity curve is stored as it is written: a million points are two 8 MB arrays, which compression would shrink
-- little (the equity's bits vary to the last byte) at the cost of most of the time a run takes to store its results.
ALTER TABLE equity_curves ALTER COLUMN times SET STORAGE EXTERNAL, ALTER COLUMN equity SET STORAGE EXTERNAL;
