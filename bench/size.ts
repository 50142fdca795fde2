import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Total size of the files under `dir` whose relative path passes `include`, in KB (1 decimal). */
export const directorySizeKB = (dir: string, include: (relativePath: string) => boolean = () => true): number => {
  let bytes = 0;
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (include(path.relative(dir, full).split(path.sep).join('/'))) bytes += statSync(full).size;
    }
  };
  walk(dir);
  return Math.round((bytes / 1024) * 10) / 10;
};
