package org.openattendance.config;

import java.time.Clock;

import org.openattendance.shared.London;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** School days are English days: "today" and "in the future" are judged in London time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(London.ZONE);
    }
}
