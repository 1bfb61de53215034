package newsdesk.platform;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns the current row of a result set into a value; repositories pass these to {@link Jdbc}. */
@FunctionalInterface
public interface RowMapper<T> {

    T map(ResultSet row) throws SQLException;
}
