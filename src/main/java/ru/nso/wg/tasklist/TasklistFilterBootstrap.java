package ru.nso.wg.tasklist;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.nso.wg.common.StartupWork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the shared Tasklist filters of {@link TasklistFilters} at start, each with READ authorizations for the
 * groups that may see it (per filter: the secretariat's and the deputy chairs' filters are not visible to everyone).
 *
 * <p>A filter is looked up by name and created only when no filter of that name exists, so restarts never
 * duplicate it and an administrator's later changes (query, properties, authorizations, owner) are kept. Its
 * authorizations are created together with it, never afterwards. A filter deleted or renamed in Tasklist comes
 * back under its name at the next start.
 *
 * <p>The owner is the administrator user ({@code camunda.bpm.admin-user.id}); the engine grants the owner ALL on
 * the filter, so the administrator can edit it in Tasklist, staff only read it.
 */
@Component
@Order(30)
public class TasklistFilterBootstrap extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilterBootstrap.class);

  private final String owner;
  private final StartupWork startup;

  public TasklistFilterBootstrap(@Value("${camunda.bpm.admin-user.id:admin}") String owner, StartupWork startup) {
    this.owner = owner;
    this.startup = startup;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    startup.submit("Tasklist filters", () -> {
      createMissingFilters(processEngine);
      replaceSupersededQueries(processEngine);
      replaceIsoDateColumns(processEngine);
    });
  }

  /**
   * A filter of an earlier version showed the column «Дата заседания» from the ISO variable ({@code 2026-12-18}); it
   * now shows the date as people write it ({@code meetingDateText}, 18.12.2026). Returns the names of those changed.
   */
  @SuppressWarnings("unchecked")
  public List<String> replaceIsoDateColumns(ProcessEngine processEngine) {
    FilterService filters = processEngine.getFilterService();
    List<String> replaced = new ArrayList<>();
    for (TasklistFilters.Definition definition : TasklistFilters.ALL) {
      for (Filter filter : filters.createFilterQuery().filterName(definition.name()).list()) {
        Map<String, Object> properties = filter.getProperties();
        if (properties == null || !(properties.get("variables") instanceof List<?> columns)) {
          continue;
        }
        boolean changed = false;
        List<Object> updated = new ArrayList<>();
        for (Object column : columns) {
          if (column instanceof Map<?, ?> map && TasklistFilters.ISO_MEETING_DATE.equals(map.get("name"))) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            copy.put("name", TasklistFilters.MEETING_DATE);
            updated.add(copy);
            changed = true;
          } else {
            updated.add(column);
          }
        }
        if (changed) {
          properties.put("variables", updated);
          filter.setProperties(properties);
          filters.saveFilter(filter);
          replaced.add(definition.name());
        }
      }
    }
    if (!replaced.isEmpty()) {
      LOG.info("Tasklist filters {} show the meeting date as people write it", replaced);
    }
    return replaced;
  }

  /**
   * Gives a filter the current query of its definition when its stored query is still exactly one an earlier
   * version created ({@link TasklistFilters#SUPERSEDED}); returns the names of those changed.
   */
  public List<String> replaceSupersededQueries(ProcessEngine processEngine) {
    FilterService filters = processEngine.getFilterService();
    TaskService tasks = processEngine.getTaskService();
    List<String> replaced = new ArrayList<>();
    for (TasklistFilters.Definition definition : TasklistFilters.ALL) {
      List<String> earlier = TasklistFilters.SUPERSEDED.getOrDefault(definition.name(), List.of()).stream()
          .map(query -> json(query.apply(tasks))).toList();
      if (earlier.isEmpty()) {
        continue;
      }
      for (Filter filter : filters.createFilterQuery().filterName(definition.name()).list()) {
        if (earlier.contains(json(filter.<TaskQuery>getQuery()))) {
          filter.setQuery(definition.query().apply(tasks));
          filters.saveFilter(filter);
          replaced.add(definition.name());
        }
      }
    }
    if (!replaced.isEmpty()) {
      LOG.info("Replaced the earlier query of Tasklist filters {}", replaced);
    }
    return replaced;
  }

  private static String json(TaskQuery query) {
    return new JsonTaskQueryConverter().toJsonObject(query).toString();
  }

  /** Creates the filters that do not exist yet; returns the names of those created. */
  public List<String> createMissingFilters(ProcessEngine processEngine) {
    FilterService filters = processEngine.getFilterService();
    AuthorizationService authorizations = processEngine.getAuthorizationService();
    List<String> created = new ArrayList<>();
    for (TasklistFilters.Definition definition : TasklistFilters.ALL) {
      if (filters.createFilterQuery().filterName(definition.name()).count() > 0) {
        continue;
      }
      Filter filter = filters.newTaskFilter(definition.name())
          .setOwner(owner)
          .setQuery(definition.query().apply(processEngine.getTaskService()))
          .setProperties(definition.properties());
      filters.saveFilter(filter);
      for (String group : definition.readers()) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
      created.add(definition.name());
    }
    if (!created.isEmpty()) {
      LOG.info("Created Tasklist filters {}", created);
    }
    return created;
  }
}
