package dev.paymentsimulator.ops;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes the access log from a thread of its own. Laid out and written by the request
 * thread, under the appender's lock, a line cost a create about 8 % of its CPU, and the
 * request threads queued on that lock. The access logger gets, for each appender of the
 * root logger (the console, and the file when {@code logging.file.name} is set), a queue
 * in front of it; no line is dropped, and when a queue is full the request waits for room
 * as it used to wait for the lock. A logging set-up of the user's own that gives the root
 * no appender is left as it is.
 */
@Component
class AccessLogWriter implements SmartLifecycle {

	private static final int QUEUE_SIZE = 8192;

	private static final int FLUSH_MILLIS = 5000;

	private final List<AsyncAppender> queues = new ArrayList<>();

	private final String loggerName;

	private Logger accessLogger;

	AccessLogWriter() {
		this(AccessLogFilter.LOGGER_NAME);
	}

	AccessLogWriter(String loggerName) {
		this.loggerName = loggerName;
	}

	@Override
	public synchronized void start() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return;
		}
		Logger access = context.getLogger(this.loggerName);
		if (!access.isAdditive() || access.iteratorForAppenders().hasNext()) {
			// configured by the user: leave it as it is
			return;
		}
		for (Iterator<Appender<ILoggingEvent>> it = context.getLogger(Logger.ROOT_LOGGER_NAME)
			.iteratorForAppenders(); it.hasNext();) {
			Appender<ILoggingEvent> appender = it.next();
			AsyncAppender queue = new AsyncAppender();
			queue.setContext(context);
			queue.setName("access-" + appender.getName());
			queue.setQueueSize(QUEUE_SIZE);
			// by default it drops INFO lines once the queue is 80 % full
			queue.setDiscardingThreshold(0);
			queue.setMaxFlushTime(FLUSH_MILLIS);
			queue.addAppender(new Forwarder(context, appender));
			queue.start();
			this.queues.add(queue);
		}
		if (this.queues.isEmpty()) {
			return;
		}
		this.queues.forEach(access::addAppender);
		access.setAdditive(false);
		this.accessLogger = access;
	}

	/**
	 * Runs after the web server's graceful shutdown, so the last requests' lines are
	 * written.
	 */
	@Override
	public synchronized void stop() {
		if (this.accessLogger == null) {
			return;
		}
		this.accessLogger.setAdditive(true);
		for (AsyncAppender queue : this.queues) {
			this.accessLogger.detachAppender(queue);
			// waits until the queue is written, up to FLUSH_MILLIS
			queue.stop();
		}
		this.queues.clear();
		this.accessLogger = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.accessLogger != null;
	}

	/** Before the web server starts and after it stops. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE;
	}

	/**
	 * Stands between a queue and the appender it feeds. A queue's worker stops what it
	 * feeds when the queue stops, and the appender is the root's, which the rest of the
	 * logging still writes to; and a reset of logging may stop the appender before the
	 * queue, whose last lines then have nowhere to go.
	 */
	private static final class Forwarder extends UnsynchronizedAppenderBase<ILoggingEvent> {

		private final Appender<ILoggingEvent> target;

		Forwarder(LoggerContext context, Appender<ILoggingEvent> target) {
			this.target = target;
			setContext(context);
			setName("to-" + target.getName());
			start();
		}

		@Override
		protected void append(ILoggingEvent event) {
			if (this.target.isStarted()) {
				this.target.doAppend(event);
			}
		}

	}

}
