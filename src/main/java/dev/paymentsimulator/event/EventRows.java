package dev.paymentsimulator.event;

import java.sql.ResultSet;
import java.sql.SQLException;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.payment.Payment;
import dev.paymentsimulator.payment.Refund;
import dev.paymentsimulator.store.OnPostgresStore;
import dev.paymentsimulator.store.SqlTimes;
import dev.paymentsimulator.store.StorageJson;

import org.springframework.stereotype.Component;

/**
 * How an event is read from a row of the {@code events} table, for the event log and for
 * a delivery claim that reads its event in the same query.
 */
@Component
@OnPostgresStore
public final class EventRows {

	private final StorageJson json;

	private final EventRenderer renderer;

	EventRows(StorageJson json, EventRenderer renderer) {
		this.json = json;
		this.renderer = renderer;
	}

	/** The columns {@link #read} needs, from the events table as {@code alias}. */
	public static String columns(String alias) {
		return String.join(", ", alias + ".id as event_id", alias + ".namespace as event_namespace",
				alias + ".sequence as event_sequence", alias + ".type as event_type",
				alias + ".payment_id as event_payment_id", alias + ".webhook_url as event_webhook_url",
				alias + ".created as event_created", alias + ".payment::text as event_payment",
				alias + ".refund::text as event_refund");
	}

	/**
	 * The event in the row, or {@code null} when the row has none (an outer join missed).
	 */
	public Event read(ResultSet row) throws SQLException {
		String payment = row.getString("event_payment");
		if (payment == null) {
			return null;
		}
		String refund = row.getString("event_refund");
		return new Event(row.getString("event_id"), new Namespace(row.getString("event_namespace")),
				row.getLong("event_sequence"), row.getString("event_type"), row.getString("event_payment_id"),
				row.getString("event_webhook_url"), SqlTimes.instant(row, "event_created"),
				this.json.read(payment, Payment.class), (refund != null) ? this.json.read(refund, Refund.class) : null,
				this.renderer);
	}

}
