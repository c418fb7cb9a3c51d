package dev.paymentsimulator.live;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: its bounded queue, and at most one writer at a time sending from it.
 * Whoever offers a message never waits; a full queue means the reader stopped reading,
 * and the stream is dropped: sent nothing more, and ended by its writer, which may be
 * stuck in a write to it, never by the thread that offered.
 */
final class LiveSubscriber {

	private final SseEmitter emitter;

	private final BlockingQueue<Message> queue;

	private final Executor writers;

	private final Consumer<LiveSubscriber> forget;

	private final Runnable free;

	private final AtomicBoolean writing = new AtomicBoolean();

	private final AtomicBoolean dropped = new AtomicBoolean();

	private final AtomicBoolean released = new AtomicBoolean();

	/**
	 * @param forget takes it off the namespace's list, once it is dropped
	 * @param free gives its place back, once it holds no thread
	 */
	LiveSubscriber(SseEmitter emitter, int maxQueued, Executor writers, Consumer<LiveSubscriber> forget,
			Runnable free) {
		this.emitter = emitter;
		this.queue = new ArrayBlockingQueue<>(maxQueued);
		this.writers = writers;
		this.forget = forget;
		this.free = free;
		emitter.onCompletion(this::release);
		emitter.onTimeout(this::release);
		emitter.onError((error) -> release());
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	void offer(Message message) {
		if (this.dropped.get()) {
			return;
		}
		if (!this.queue.offer(message)) {
			// it stopped reading: let it go rather than hold more for it
			drop();
		}
		schedule();
	}

	/** Sends nothing more, and ends the stream. */
	void end() {
		drop();
		schedule();
	}

	private void drop() {
		this.dropped.set(true);
		this.forget.accept(this);
		this.queue.clear();
	}

	/**
	 * The stream has ended, or its writer has given up on it: it no longer holds a
	 * thread, so another may open.
	 */
	private void release() {
		drop();
		if (this.released.compareAndSet(false, true)) {
			this.free.run();
		}
	}

	private void schedule() {
		if (this.writing.compareAndSet(false, true)) {
			this.writers.execute(this::write);
		}
	}

	private void write() {
		try {
			Message message;
			while (!this.dropped.get() && (message = this.queue.poll()) != null) {
				this.emitter.send(message.lines());
			}
			if (this.dropped.get()) {
				this.emitter.complete();
				release();
			}
		}
		catch (IOException | IllegalStateException gone) {
			release();
			return;
		}
		finally {
			this.writing.set(false);
		}
		if (!this.queue.isEmpty()) {
			schedule();
		}
	}

	/**
	 * One message, built once and sent as is to every subscriber: a builder may be built
	 * only once.
	 */
	record Message(Set<DataWithMediaType> lines) {

		static Message of(SseEventBuilder builder) {
			return new Message(builder.build());
		}

	}

}
