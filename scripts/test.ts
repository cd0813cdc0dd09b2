/**
 * `npm test`: the typecheck and the lint run beside vitest rather than before it, since vitest
 * spends much of its time waiting on Neo4j and browsers. Vitest keeps the terminal (its own
 * reporter, arguments passed on: `npm test -- --reporter=json …`); the checks' output is held and
 * printed after it, so the two never interleave. Exits non-zero if any of the three failed.
 */
import { spawn } from 'node:child_process';

interface Outcome {
  name: string;
  code: number;
  seconds: number;
  output: string;
}

function run(name: string, command: string, args: string[], hold: boolean): Promise<Outcome> {
  const startedAt = Date.now();
  const child = spawn(command, args, { stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    child.once('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.once('close', (code, signal) =>
      resolve({
        name,
        code: code ?? (signal ? 1 : 0),
        seconds: (Date.now() - startedAt) / 1000,
        output: Buffer.concat(chunks).toString(),
      }),
    );
  });
}

const outcomes = await Promise.all([
  run('typecheck', 'npm', ['run', '--silent', 'typecheck'], true),
  run('lint', 'npm', ['run', '--silent', 'lint'], true),
  run('vitest', 'npx', ['vitest', 'run', ...process.argv.slice(2)], false),
]);
for (const { name, code, seconds, output } of outcomes) {
  if (name !== 'vitest' && code !== 0) process.stdout.write(`\n${name}:\n${output}`);
  console.log(
    `${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds.toFixed(1)} s`,
  );
}
process.exitCode = outcomes.some(({ code }) => code !== 0) ? 1 : 0;
