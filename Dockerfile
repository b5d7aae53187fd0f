# syntax=docker/dockerfile:1
#
# The application as one container, profile 'prod' (PostgreSQL; secrets from the environment, see .env.example).
#   docker build -t wg-meetings .        (docker-compose.yml builds it too)

# --- Build: the Maven wrapper pins Maven itself (.mvn/wrapper); dependencies come from Maven Central. ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# The project as a fresh clone has it (.dockerignore keeps target/, data/, .env and the like out).
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw \
    && ./mvnw -B -DskipTests package \
    && cp target/wg-meetings-*.jar /build/app.jar

# --- Run: a JRE only, as an unprivileged user. ---
FROM eclipse-temurin:17-jre
# curl for the health check below (not every eclipse-temurin image ships it).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 wg \
    && useradd --system --uid 10001 --gid wg --home-dir /app --no-create-home --shell /usr/sbin/nologin wg \
    && mkdir -p /app/data/calendar /app/data/trust-store \
    && chown -R wg:wg /app/data
WORKDIR /app
COPY --from=build /build/app.jar /app/app.jar

# JVM flags for a small VM or container (measured in docs/performance.md, "Memory"): the heap follows the
# container's memory limit (75 % of it), the serial collector has the smallest footprint on one or two CPUs and a
# heap of a few hundred MiB, smaller thread stacks, and an OutOfMemoryError ends the JVM so the orchestrator restarts it.
ENV SPRING_PROFILES_ACTIVE=prod \
    TZ=UTC \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError -Duser.timezone=UTC -Dfile.encoding=UTF-8"
USER 10001:10001
EXPOSE 8080
# The engine creates or upgrades its schema on the first start, which may take a while on an empty database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=180s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
