package ru.nso.wg.control;

/**
 * Who the executor of an instruction is: a person (a Camunda user: the task is assigned to them), a group of
 * staff (a Camunda group, e.g. a department: the task goes to the group, any of its members may report), or an
 * executive body of the region from the maintained list ({@code roster.ExecutiveBodies}: it has no account, the task
 * goes to the secretariat, which enters the body's report).
 */
public enum ExecutorKind {
  USER,
  GROUP,
  BODY
}
