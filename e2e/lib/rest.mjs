// The few engine REST calls the browser walk needs besides the browser: finding the meeting's process instance,
// "letting the meeting time arrive" (executing the waiting timer job, as documented in docs/e2e.md) and reading
// the outcome for assertions, and a meeting day by the production calendar. HTTP Basic as the administrator.
import { setTimeout as sleep } from 'node:timers/promises';

export class EngineRest {
  constructor(baseUrl, user = 'admin', password = 'admin') {
    this.baseUrl = baseUrl;
    this.auth = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
  }

  async call(method, path, body) {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { Authorization: this.auth, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
    }
    return text ? JSON.parse(text) : null;
  }

  get(path) {
    return this.call('GET', path);
  }

  /**
   * A deployment as Camunda Modeler makes it: multipart POST /engine-rest/deployment/create with the files
   * ({@code {name: text}}, e.g. the BPMN and its forms); returns the deployment with its process definitions.
   */
  async deploy(name, files, source = 'Camunda Modeler') {
    const form = new FormData();
    form.append('deployment-name', name);
    form.append('deployment-source', source);
    for (const [file, text] of Object.entries(files)) {
      form.append(file, new Blob([text], { type: 'application/octet-stream' }), file);
    }
    const res = await fetch(`${this.baseUrl}/engine-rest/deployment/create`, {
      method: 'POST', headers: { Authorization: this.auth, Accept: 'application/json' }, body: form,
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`POST /engine-rest/deployment/create → ${res.status}: ${text.slice(0, 500)}`);
    }
    return JSON.parse(text);
  }

  /** A Wednesday at least three weeks ahead that is a working day by the production calendar (ISO date). */
  async meetingDay() {
    const day = new Date();
    day.setUTCDate(day.getUTCDate() + 21);
    for (;;) {
      if (day.getUTCDay() === 3) {
        const iso = day.toISOString().slice(0, 10);
        const year = await this.get(`/api/calendar/${iso.slice(0, 4)}`);
        if (!year.days.some((d) => d.date === iso && !d.working)) {
          return iso;
        }
      }
      day.setUTCDate(day.getUTCDate() + 1);
    }
  }

  /**
   * A meeting started by the secretary {@code secretary} (password «demo») as the form «Новое заседание» does it, in
   * person in the usual hall, with {@code invitees} ({@code [{fullName, organisation, email}]}): its process instance,
   * business key («2026-3») and number.
   */
  async startMeeting(secretary, date, time, invitees = []) {
    const started = await new EngineRest(this.baseUrl, secretary, 'demo').call('POST',
      '/engine-rest/process-definition/key/wg-meeting/submit-form', {
        variables: {
          meetingStart: { value: `${date}T${time}+07:00` },
          meetingFormat: { value: 'IN_PERSON' },
          meetingPlace: { value: 'г. Новосибирск, Красный проспект, 18, зал заседаний № 1' },
          invitees: { type: 'Json', value: JSON.stringify(invitees) },
        },
      });
    return { instanceId: started.id, key: started.businessKey, number: Number(started.businessKey.split('-')[1]) };
  }

  /** The running meeting with business key {@code key} (e.g. «2026-1»). */
  async meetingInstance(key) {
    const found = await this.get(`/engine-rest/process-instance?processDefinitionKey=wg-meeting&businessKey=${encodeURIComponent(key)}`);
    if (found.length !== 1) {
      throw new Error(`Expected one running meeting ${key}, found ${found.length}`);
    }
    return found[0];
  }

  jobs(processInstanceId, activityId) {
    return this.get(`/engine-rest/job?processInstanceId=${processInstanceId}&activityId=${activityId}`);
  }

  /** Waits until the process instance has a job at {@code activityId} (async steps run in the job executor). */
  async waitForJob(processInstanceId, activityId, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const jobs = await this.jobs(processInstanceId, activityId);
      if (jobs.length === 1) {
        return jobs[0];
      }
      if (Date.now() > deadline) {
        throw new Error(`No job at ${activityId} of ${processInstanceId} after ${timeoutMs / 1000} s`);
      }
      await sleep(1000);
    }
  }

  /**
   * Claims and submits the open task {@code taskKey} of the instance as the demo user {@code user} (password «demo»),
   * with REST-typed variables: the steps a walk takes over REST before its own.
   */
  async completeAs(user, processInstanceId, taskKey, variables, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    let tasks;
    for (;;) {
      tasks = await this.get(`/engine-rest/task?processInstanceId=${processInstanceId}&taskDefinitionKey=${taskKey}`);
      if (tasks.length === 1 || Date.now() > deadline) {
        break;
      }
      await sleep(1000);
    }
    if (tasks.length !== 1) {
      throw new Error(`One open task ${taskKey} of ${processInstanceId} expected, found ${tasks.length}`);
    }
    const person = new EngineRest(this.baseUrl, user, 'demo');
    if (!tasks[0].assignee) {
      await person.call('POST', `/engine-rest/task/${tasks[0].id}/claim`, { userId: user });
    }
    await person.call('POST', `/engine-rest/task/${tasks[0].id}/submit-form`, { variables });
  }

  /** The documented call: executes a job now, whatever its due date. */
  executeJob(jobId) {
    return this.call('POST', `/engine-rest/job/${jobId}/execute`);
  }

  /** Jobs of the instance that failed (retries used up or an exception recorded). */
  async failedJobs(processInstanceId) {
    const jobs = await this.get(`/engine-rest/job?processInstanceId=${processInstanceId}&withException=true`);
    return jobs.map((j) => ({ id: j.id, activityId: j.activityId ?? j.failedActivityId, retries: j.retries, exceptionMessage: j.exceptionMessage }));
  }

  async variables(processInstanceId) {
    return this.get(`/engine-rest/process-instance/${processInstanceId}/variables?deserializeValues=false`);
  }

  historicInstance(processInstanceId) {
    return this.get(`/engine-rest/history/process-instance/${processInstanceId}`);
  }

  historicActivities(processInstanceId) {
    return this.get(`/engine-rest/history/activity-instance?processInstanceId=${processInstanceId}&sortBy=startTime&sortOrder=asc`);
  }
}
