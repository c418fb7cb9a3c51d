# Build with the Maven wrapper, run on a small JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/payment-simulator-*.jar extract --destination /app \
 && mv /app/payment-simulator-*.jar /app/payment-simulator.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home simulator
WORKDIR /app
COPY --from=build /app ./
# A class-data-sharing archive from one training start takes about a third off every start.
RUN java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar payment-simulator.jar > /dev/null
USER 10001
ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs
EXPOSE 8080
# bash's /dev/tcp needs no curl or wget inside the image
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app.jsa", "-XX:MaxRAMPercentage=75", "-XX:MaxGCPauseMillis=10", "-jar", "payment-simulator.jar"]
