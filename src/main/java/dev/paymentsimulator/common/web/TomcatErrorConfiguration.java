package dev.paymentsimulator.common.web;

import dev.paymentsimulator.common.ProblemWriter;
import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemReportValve} where Tomcat reports errors. It runs after Spring
 * Boot's own customizer, which adds a plain {@link ErrorReportValve}, and takes its
 * place.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class TomcatErrorConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private final ProblemWriter problems;

	TomcatErrorConfiguration(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Host host = (Host) context.getParent();
			Pipeline pipeline = host.getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ProblemReportValve(this.problems));
			if (host instanceof StandardHost standard) {
				// otherwise the host adds Tomcat's own report valve when it starts
				standard.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

}
