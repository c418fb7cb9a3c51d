package dev.paymentsimulator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogWriterTests {

	// not under the access logger, which a running application in this JVM has wired to
	// its own queues
	private static final String LOGGER = "dev.paymentsimulator.writer-test";

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final ListAppender<ILoggingEvent> written = new ListAppender<>();

	@BeforeEach
	void watchTheRoot() {
		this.written.setContext(this.context);
		this.written.setName("written");
		this.written.start();
		root().addAppender(this.written);
		this.context.getLogger(LOGGER).setLevel(Level.INFO);
	}

	@AfterEach
	void stopWatching() {
		root().detachAppender(this.written);
		this.context.getLogger(LOGGER).setLevel(null);
	}

	@Test
	void everyQueuedLineIsWrittenByTheTimeItStopsAndTheRootsAppendersKeepRunning() {
		AccessLogWriter writer = new AccessLogWriter(LOGGER);
		writer.start();
		Logger access = this.context.getLogger(LOGGER);
		assertThat(access.isAdditive()).as("the lines go through the writer's queues").isFalse();
		IntStream.range(0, 500).forEach((i) -> access.info("line {}", i));

		writer.stop();

		assertThat(this.written.list).filteredOn((event) -> event.getLoggerName().equals(LOGGER)).hasSize(500);
		assertThat(this.written.isStarted()).as("the root's appender still runs for the rest of the logging").isTrue();
		access.info("after the writer stopped");
		this.context.getLogger("dev.paymentsimulator.other").info("another logger");
		assertThat(this.written.list).extracting(ILoggingEvent::getFormattedMessage)
			.contains("after the writer stopped", "another logger");
	}

	@Test
	void aLoggerConfiguredByTheUserIsLeftAsItIs() {
		Logger access = this.context.getLogger(LOGGER);
		access.setAdditive(false);
		try {
			AccessLogWriter writer = new AccessLogWriter(LOGGER);
			writer.start();
			assertThat(writer.isRunning()).isFalse();
			assertThat(access.iteratorForAppenders().hasNext()).isFalse();
		}
		finally {
			access.setAdditive(true);
		}
	}

	private Logger root() {
		return this.context.getLogger(Logger.ROOT_LOGGER_NAME);
	}

}
