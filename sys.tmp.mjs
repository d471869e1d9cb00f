import { writeFileSync } from 'node:fs';
import { startPortalSystem } from './dist/scripts/portal-system.js';
const system = await startPortalSystem('probe', { LOGIN_ATTEMPTS_PER_MINUTE: '200' });
writeFileSync('/tmp/h2/base.txt', system.baseUrl);
console.log('running', system.baseUrl);
process.on('SIGTERM', async () => { await system.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
