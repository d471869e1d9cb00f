import { loadConfig } from '#config';
import { createApiApp } from './bootstrap.js';

const config = loadConfig();
const app = await createApiApp(config);
await app.listen(config.port, '0.0.0.0');
