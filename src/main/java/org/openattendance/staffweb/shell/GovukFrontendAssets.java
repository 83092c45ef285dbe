package org.openattendance.staffweb.shell;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * Serves GOV.UK Frontend from its webjar (org.webjars.npm:govuk-frontend, version in pom.xml only).
 * <ul>
 * <li>CSS and JS: Spring Boot's /webjars/** handler with webjars-locator-lite, so pages name them without the
 * version, e.g. /webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css (Thymeleaf's {@code @{...}} links are
 * rewritten to the versioned path).</li>
 * <li>Fonts and images: the CSS refers to /assets/fonts/... and /assets/images/..., so /assets/** maps to the
 * webjar's dist/govuk/assets/ folder. Their file names carry a hash or never change, so they may be cached.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class GovukFrontendAssets implements WebMvcConfigurer {

    static final String WEBJAR = "govuk-frontend";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String version = new WebJarVersionLocator().version(WEBJAR);
        if (version == null) {
            throw new IllegalStateException("The " + WEBJAR + " webjar is not on the classpath");
        }
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:" + WebJarVersionLocator.WEBJARS_PATH_PREFIX + "/" + WEBJAR + "/"
                        + version + "/dist/govuk/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
    }
}
