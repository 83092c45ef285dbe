/**
 * The steps of processes/leave-request.bpmn: one small class per delegate or listener bean, named as the model names
 * it ({@code ${leaveDecisionMade}}, ...). What a form submitted is read with {@code shared.process.FormValues}.
 */
package org.openattendance.leave.steps;
