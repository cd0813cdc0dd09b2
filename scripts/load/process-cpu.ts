/** CPU time of processes on this machine, from /proc (Linux). */
import { readdir, readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Seconds of CPU (user + system) `pid` has used so far. */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), from field 3 (state) on.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** The parent of each process now running. */
async function parents(): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      found.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Ended meanwhile.
    }
  }
  return found;
}

/**
 * The Neo4j JVM: NEO4J_PID when set (a Neo4j started apart, NEO4J_URI), else the java process
 * among the server's descendants (the local Neo4j it started); undefined if none is found.
 */
export async function neo4jPid(serverPid: number): Promise<number | undefined> {
  if (process.env.NEO4J_PID) return Number(process.env.NEO4J_PID);
  const tree = await parents();
  for (const [pid] of tree) {
    let ancestor = tree.get(pid);
    while (ancestor !== undefined && ancestor > 1 && ancestor !== serverPid) {
      ancestor = tree.get(ancestor);
    }
    if (ancestor !== serverPid) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('java')) return pid;
  }
  return undefined;
}
