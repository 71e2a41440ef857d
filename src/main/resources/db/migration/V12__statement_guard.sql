-- Fails the statement, and with it its transaction, with SQLSTATE LJ001 when a condition does not hold. An earn that
-- sends its COMMIT in the same round trip as its writes decided before them that the member stays below its next tier;
-- a concurrent earn may have changed that meanwhile, and PostgreSQL must then stop the COMMIT, not Java after it.
CREATE FUNCTION lojal_assert(holds boolean, what text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF holds IS NOT TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'LJ001', MESSAGE = what;
    END IF;
    RETURN true;
END
$$;
