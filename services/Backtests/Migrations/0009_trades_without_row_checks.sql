-- A run's trades are written only when the run completes, in the transaction that updates the run's row, so the foreign
-- key's check (a query per trade row, a tenth of a second for a run of 19,000 trades) proved nothing there. Trades still
-- go with their run: a statement-level trigger deletes them, as the key's ON DELETE CASCADE did, for any deletion of
-- runs, a strategy's cascading one included.
ALTER TABLE trades DROP CONSTRAINT trades_backtest_id_fkey;

CREATE FUNCTION delete_trades_of_deleted_backtests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM trades WHERE backtest_id IN (SELECT id FROM deleted_backtests);
    RETURN NULL;
END
$$;

CREATE TRIGGER backtests_delete_trades AFTER DELETE ON backtests
    REFERENCING OLD TABLE AS deleted_backtests
    FOR EACH STATEMENT EXECUTE FUNCTION delete_trades_of_deleted_backtests();
