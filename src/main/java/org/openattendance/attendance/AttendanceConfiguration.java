package org.openattendance.attendance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableConfigurationProperties(AttendanceSettings.class)
class AttendanceConfiguration {
}
