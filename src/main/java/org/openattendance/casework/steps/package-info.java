/**
 * The steps of the case's models (processes/attendance-case.bpmn, deletion-from-roll.bpmn): one small class per
 * delegate or listener bean, named as the model names it ({@code ${enterStage}}, {@code ${requestLetter}}, ...).
 * Values a step needs (a stage, a letter template, a reason) come from the step's input parameters in the model, so
 * an LA officer reads them there; what a form submitted is read with {@code shared.process.FormValues}. The case
 * timeline's task and decision log are added to every task by {@code CaseTimelinePlugin}.
 */
package org.openattendance.casework.steps;
