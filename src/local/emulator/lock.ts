// One emulator per data directory: two processes appending to the same journal would interleave
// and each replay only its own view. A lock file holds the owner's pid; a lock left by a dead
// process (e.g. after SIGKILL) is taken over.
import fs from 'node:fs';
import path from 'node:path';

const LOCK_NAME = 'LOCK';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLock {
  private constructor(private readonly file: string) {}

  static acquire(dataDir: string): DataDirLock {
    const file = path.join(dataDir, LOCK_NAME);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
        return new DataDirLock(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const owner = Number(fs.readFileSync(file, 'utf8').trim());
        if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
          throw new Error(`data directory ${dataDir} is in use by process ${owner}`);
        }
        fs.rmSync(file, { force: true });
      }
    }
    throw new Error(`could not lock data directory ${dataDir}`);
  }

  release(): void {
    fs.rmSync(this.file, { force: true });
  }
}
