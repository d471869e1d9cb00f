import { Logger } from '@nestjs/common';
import { loadConfig } from '#config';
import { surviveConnectionLoss } from '#database';
import { createApiApp } from './bootstrap.js';

surviveConnectionLoss(new Logger('Api'));

const config = loadConfig();
const app = await createApiApp(config);
await app.listen(config.port, '0.0.0.0');
