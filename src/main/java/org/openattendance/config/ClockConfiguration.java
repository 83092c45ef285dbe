package org.openattendance.config;

import java.time.Clock;

import org.openattendance.shared.AsOf;
import org.openattendance.shared.London;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /**
     * School days are English days: "today" and "in the future" are judged in London time. The real time, except in
     * the demo data's thread while it takes a case through its past ({@link AsOf}).
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return AsOf.clock(Clock.system(London.ZONE));
    }
}
