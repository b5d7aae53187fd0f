package ru.nso.wg.control;

/**
 * Who the executor of an instruction is: a person (a Camunda user: the task is assigned to them) or a group of
 * staff (a Camunda group, e.g. a department: the task goes to the group, any of its members may report).
 */
public enum ExecutorKind {
  USER,
  GROUP
}
