# Builds Tandem from this repository and runs it on Java 17.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY core/pom.xml core/pom.xml
COPY bot/pom.xml bot/pom.xml
COPY bench/pom.xml bench/pom.xml
RUN ./mvnw -B -ntp -q dependency:go-offline -DexcludeReactor=true || true
COPY core core
COPY bot bot
COPY bench bench
RUN ./mvnw -B -ntp -q -pl bot -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home tandem
WORKDIR /app
COPY --from=build /src/bot/target/tandem-bot-*-exec.jar /app/tandem.jar
USER tandem
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tandem.jar"]
