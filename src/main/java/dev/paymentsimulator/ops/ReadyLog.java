package dev.paymentsimulator.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One line once the simulator takes requests: which version, from which commit, where, on
 * which store; what a CI job's log needs to tell runs apart.
 */
@Component
class ReadyLog {

	private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

	private final ObjectProvider<BuildProperties> build;

	private final ObjectProvider<GitProperties> git;

	private final Environment environment;

	ReadyLog(ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git, Environment environment) {
		this.build = build;
		this.git = git;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		log.info(line());
	}

	String line() {
		BuildProperties build = this.build.getIfAvailable();
		GitProperties git = this.git.getIfAvailable();
		String version = (build != null) ? build.getVersion() : "(version unknown: no build-info)";
		String commit = (git != null && git.getShortCommitId() != null) ? " (commit " + git.getShortCommitId() + ")"
				: "";
		return "Payment Simulator " + version + commit + " ready on port "
				+ this.environment.getProperty("local.server.port", "?") + " with the "
				+ this.environment.getProperty("simulator.store", "memory") + " store";
	}

}
