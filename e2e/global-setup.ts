import { startPortalSystem } from '../scripts/portal-system.js';

/**
 * Starts the whole system once for all journeys (as `npm start` does, with its own database on a free port)
 * and hands its address and mail folder to the journeys through the environment. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = Date.now();
  const system = await startPortalSystem('e2e', {
    // A short access token: an idle page warns 45 s after its last refresh (the session-warning journey).
    ACCESS_TOKEN_TTL_SECONDS: '90',
    LOGIN_ATTEMPTS_PER_MINUTE: '50',
  });
  process.stdout.write(`The system is running at ${system.baseUrl} (started in ${Math.round((Date.now() - started) / 1000)} s)\n`);
  process.env.E2E_BASE_URL = system.baseUrl;
  process.env.E2E_MAIL_DIR = system.mailDir;
  return () => system.stop();
}
