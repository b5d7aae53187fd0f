package ru.nso.wg.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The one convention for a user task with a form: one class per task, registered in the model as the task's listener
 * for {@code create} and {@code complete} ({@code camunda:taskListener delegateExpression="${…Listener}"}).
 * {@link #prepare} fills what the form shows when the task is created (option lists, texts); {@link #accept} reads
 * the submitted fields, calls one use case of a feature service and writes its result. A {@code Refusal} thrown by
 * {@code accept} leaves the task open with the person's input kept, and nothing saved.
 */
public abstract class FormTask implements TaskListener {

  @Override
  public final void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      prepare(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      accept(task);
    }
  }

  /** What the form shows; nothing by default. */
  protected void prepare(DelegateTask task) {
  }

  /** The submitted form: one use case. */
  protected abstract void accept(DelegateTask task);
}
