// WeChat's own template and style compilers (wcc, wcsc) from miniprogram-compiler, as DevTools
// runs them on upload. wcc compiles every .wxml and .wxs of a root at once (a page's templates
// come from `<import src>`), and refuses a syntax error naming the file; wcsc compiles one .wxss
// given with every file it @imports (it resolves imports among the files it is given, as
// DevTools gives it the whole project), and refuses a syntax error or a missing import.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
/* eslint-disable @typescript-eslint/no-require-imports */
const wcc: (root: string, wxml: string[], wxs: string[], o?: { maxBuffer?: number }) => string = require('miniprogram-compiler/src/wcc');
const wcsc: (root: string, wxss: string[], o?: { maxBuffer?: number }) => Record<string, string> | Error = require('miniprogram-compiler/src/wcsc');

const MAX_BUFFER = 64 * 1024 * 1024;

/** wcc over the given files (paths relative to root): `$gwx`, which answers each compiled .wxml. */
export function compileWxml(root: string, wxml: string[], wxs: string[]): (path: string) => unknown {
  const code = wcc(root, wxml.map((f) => f.replace(/\.wxml$/, '')), wxs, { maxBuffer: MAX_BUFFER });
  // The generated code sets wcc's version on `window` (the view layer's global).
  return new Function(`${code};\nreturn $gwx;`)() as (path: string) => unknown;
}

/** A .wxss and, transitively, the files of `root` it @imports (those that exist). */
export function withImports(root: string, wxss: string, seen = new Set<string>()): string[] {
  if (seen.has(wxss)) return [];
  seen.add(wxss);
  const text = readFileSync(path.join(root, wxss), 'utf8');
  const imports = [...text.matchAll(/@import\s+["']([^"']+)["']/g)]
    .map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(wxss), m[1])))
    .filter((f) => existsSync(path.join(root, f)));
  return [wxss, ...imports.flatMap((f) => withImports(root, f, seen))];
}

/** wcsc over one .wxss (with its imports): null when it compiles, else wcsc's message. */
export function wxssProblem(root: string, wxss: string): string | null {
  const files = withImports(root, wxss).map((f) => f.replace(/\.wxss$/, ''));
  const out = wcsc(root, files, { maxBuffer: MAX_BUFFER });
  if (out instanceof Error) return out.message;
  return typeof out.comm === 'string' ? null : `wcsc answered nothing for ${wxss}`;
}
