package org.openattendance;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@EnableProcessApplication("open-attendance")
public class OpenAttendanceApplication {
    public static void main(String[] args) {
        SpringApplication.run(OpenAttendanceApplication.class, args);
    }
}
