package dev.planetary.query;

import dev.planetary.query.identity.MetadataDatabase;
import dev.planetary.query.identity.MetadataTargetProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(MetadataTargetProperties.class)
public class QueryServiceConfiguration {

    @Bean(destroyMethod = "close")
    MetadataDatabase metadataDatabase(MetadataTargetProperties properties) {
        return new MetadataDatabase(properties);
    }
}
