// Where the built mini-program is, and what its app.json lists. Nothing here builds it: `npm test`
// runs `npm run build` first; on its own, run `npm run build:weapp`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const WEAPP_DIR = path.join(ROOT, 'dist', 'weapp');

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  lazyCodeLoading?: string;
  [key: string]: unknown;
}

/** dist/weapp/app.json; throws (failing the suite) when the bundle was not built. */
export function readAppJson(dir = WEAPP_DIR): AppJson {
  const file = path.join(dir, 'app.json');
  if (!existsSync(file)) {
    throw new Error(`${path.relative(ROOT, file)} is missing: the weapp project runs the built bundle, run \`npm run build:weapp\` (or \`npm run build\`) first.`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as AppJson;
}

/** Every page route of app.json, main package first, then each subpackage's under its root. */
export function allRoutes(app: AppJson = readAppJson()): string[] {
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
}

/** Files of the bundle (paths relative to dist/weapp, '/' separated), optionally by extension. */
export function bundleFiles(ext?: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? walk(full) : [path.relative(WEAPP_DIR, full).split(path.sep).join('/')];
    });
  readAppJson();
  return walk(WEAPP_DIR)
    .filter((f) => !ext || f.endsWith(ext))
    .sort();
}
