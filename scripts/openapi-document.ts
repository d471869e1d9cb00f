import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from '../apps/api/src/api.module.js';
import { API_PREFIX, createOpenApiDocument } from '../apps/api/src/bootstrap.js';

/**
 * Prints the API's OpenAPI document without a database, queue or network: Nest's preview mode builds the
 * module graph and the routes' metadata but instantiates no provider. The portal's typed client is generated from it.
 */
const app = await NestFactory.create(ApiModule, { preview: true, logger: false, abortOnError: false });
app.setGlobalPrefix(API_PREFIX);
const document = createOpenApiDocument(app);
process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
await app.close();
