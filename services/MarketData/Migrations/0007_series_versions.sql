-- Every write of a series' candles through the candle store moves the series' version in the writing transaction, so that
-- a reader can tell whether candles it read before are still what is stored (docs/api-behaviour.md, 4.14). Writes to
-- candles that bypass the store must move it too.
CREATE TABLE candle_series (
    symbol   varchar(64) NOT NULL,
    interval varchar(4)  NOT NULL,
    version  bigint      NOT NULL,
    PRIMARY KEY (symbol, interval)
);
