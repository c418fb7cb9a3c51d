package dev.paymentsimulator.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code timestamptz}: the PostgreSQL driver takes and gives
 * {@link OffsetDateTime}, not {@link Instant}.
 */
public final class SqlTimes {

	private SqlTimes() {
	}

	public static OffsetDateTime toSql(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	public static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
