# newsclaims image: one jar, every command (run, crawl, extractor, store, extract, article, query).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY records records
COPY kafka kafka
COPY broker broker
COPY ingest ingest
COPY extract extract
COPY store store
COPY testkit testkit
COPY app app
COPY examples/consumers/java examples/consumers/java
RUN ./mvnw -B -q -DskipTests -pl app -am package

FROM eclipse-temurin:17-jre
# the data folder (SQLite file, embedded broker) belongs to the user the commands run as
RUN useradd --system --home /app newsclaims && mkdir -p /app/data && chown newsclaims:newsclaims /app/data
WORKDIR /app
COPY --from=build /src/app/target/newsclaims.jar /app/newsclaims.jar
COPY examples /app/examples
USER newsclaims
ENV NEWSCLAIMS_DATA_DIR=/app/data
VOLUME /app/data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/newsclaims.jar"]
CMD ["--help"]
