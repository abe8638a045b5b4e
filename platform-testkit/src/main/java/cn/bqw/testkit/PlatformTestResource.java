package cn.bqw.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a service under test its own fresh database on the shared PostgreSQL, the shared Kafka
 * broker, and the public key of {@link TestTokens}. Use it with
 * {@code @QuarkusTestResource(PlatformTestResource.class)}; the servers start once per JVM.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private String service = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureStarted();
        return Map.of(
                "quarkus.datasource.jdbc.url", TestInfrastructure.freshDatabase(service),
                "quarkus.datasource.username", TestInfrastructure.jdbcUser(),
                "quarkus.datasource.password", TestInfrastructure.jdbcPassword(),
                "kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(),
                "mp.jwt.verify.publickey.location",
                        TestTokens.publicKeyPem().toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The servers outlive one application start; they stop with the JVM.
    }
}
