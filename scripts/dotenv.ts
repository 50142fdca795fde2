import fs from 'node:fs';
import path from 'node:path';

/** The repository's `.env` (see .env.example). */
export const DOTENV = path.resolve(__dirname, '..', '.env');

/**
 * Loads `.env` into process.env when there is one; variables already set in the environment win.
 * Used by the builds (CLOUD_ENV_ID) and `db:setup` (env id, keys).
 */
export const loadDotEnv = (file: string = DOTENV): boolean => {
  if (!fs.existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
};
