package dev.planetary.query;

import dev.planetary.query.audit.SchemaChangeMirror;
import dev.planetary.query.target.MetadataTargets;
import dev.planetary.query.target.MetadataTargetsProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


@Configuration
@EnableConfigurationProperties({MetadataTargetsProperties.class, dev.planetary.query.audit.AuditProperties.class})
public class QueryServiceConfiguration {

    @Bean(destroyMethod = "close")
    MetadataTargets metadataTargets(MetadataTargetsProperties properties) {
        return new MetadataTargets(properties.byId());
    }

    /**
     * The audit mirror must not skip an event it could not write (Axon's default logs and moves
     * on): a failure propagates, and the tracking processor retries from the same event.
     */
    @Bean
    ConfigurerModule auditMirrorRetries() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                SchemaChangeMirror.GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
