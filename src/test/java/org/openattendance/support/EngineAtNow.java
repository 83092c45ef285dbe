package org.openattendance.support;

import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For tests that drive the real processes: before each test the engine's clock is set to the real time (another test
 * may have moved it) and the BPMN assertions are bound to this context's engine (other tests in the same JVM start
 * engines of their own); after it the clock is reset.
 */
public class EngineAtNow implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        BpmnAwareTests.init(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
        ClockUtil.setCurrentTime(new Date());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
    }
}
