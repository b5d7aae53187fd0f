// Test utilities in Java the browser walks run (a test CA's signature, a PDF's text): the test classes, the main
// classes and the test classpath the build writes to target/test-classpath.txt (pom.xml, execution test-classpath).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Runs {@code className} with {@code args}; returns what it printed (UTF-8). */
export function runTestUtility(className, args) {
  const classpathFile = resolve('target/test-classpath.txt');
  if (!existsSync(classpathFile)) {
    throw new Error(`${classpathFile} is missing: run ./mvnw -B -DskipTests package first`);
  }
  const classpath = [resolve('target/test-classes'), resolve('target/classes'),
    readFileSync(classpathFile, 'utf8').trim()].join(':');
  return execFileSync('java', ['-cp', classpath, className, ...args],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
}
