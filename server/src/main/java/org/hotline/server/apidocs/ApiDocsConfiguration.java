package org.hotline.server.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.hotline.server.HotlineApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and introduction of the OpenAPI description ({@code /v3/api-docs}, the administrators' API page). */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI hotlineOpenApi() {
        String version = HotlineApplication.class.getPackage().getImplementationVersion();
        return new OpenAPI().info(new Info().title("Hotline REST API").version(version == null ? "dev" : version)
                .description("The REST APIs behind Hotline's pages, the crew app and the SMS API. Pages' APIs take "
                        + "the session cookie of a login and, for changes, the CSRF token of GET /api/csrf; the crew "
                        + "app's take a crew token (Authorization: Bearer); the SMS API its API key (Authorization: Bearer as well)."));
    }
}
