-- One row per candle; open_time is the candle's open in UTC milliseconds, as Bybit sends it.
CREATE TABLE candles (
    symbol      varchar(64) NOT NULL,
    interval    varchar(4)  NOT NULL,
    open_time   bigint      NOT NULL,
    open        double precision NOT NULL,
    high        double precision NOT NULL,
    low         double precision NOT NULL,
    close       double precision NOT NULL,
    volume      double precision NOT NULL,
    turnover    double precision,
    source      varchar(64) NOT NULL,
    inserted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (symbol, interval, open_time)
);
