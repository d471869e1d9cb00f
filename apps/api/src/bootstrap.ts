import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { INestApplication } from '@nestjs/common';
import compression from 'compression';
import type { Request, Response } from 'express';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, createLogger } from '#config';
import { ApiModule } from './api.module.js';
import { FieldProblem, ProblemResponse, withProblemResponses } from './http/openapi.js';
import { createValidationPipe } from './http/validation.js';

/** Every API route lives under this prefix; the web portal owns every other path of the one origin. */
export const API_PREFIX = 'api/v1';

/** Builds the HTTP application exactly as production runs it; the end-to-end tests use the same function. */
export async function createApiApp(config: AppConfig, options: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    logger: options.logger === false ? false : createLogger(config.logLevel),
  });
  configureApiApp(app, config);
  app.enableShutdownHooks();
  return app;
}

/** Everything about the HTTP edge that is not a module: shared by production and the end-to-end tests. */
export function configureApiApp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  // Whose X-Forwarded-For names the client (TRUST_PROXY): the login limiter counts by that address.
  express.set('trust proxy', config.auth.trustProxy);
  express.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  servePortal(express, config.webRoot);
}

/** The OpenAPI document of the routes (also written without a database by `npm run api:client`). */
export function createOpenApiDocument(app: INestApplication) {
  return withProblemResponses(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Dotační programy HMP – API')
        .setDescription(
          'Granty hl. m. Prahy na integraci cizinců: výzvy, žádosti, hodnocení, rozhodnutí, platby, vyúčtování a vazba na Koncepci. Chyby ve formátu application/problem+json.',
        )
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
      { extraModels: [ProblemResponse, FieldProblem] },
    ),
  );
}

/**
 * The built portal: compressed (Brotli or gzip, as the browser asks), hashed assets cached for ever, and for
 * any other GET outside `/api/` that asks for HTML and is not a file, the single page's `index.html` (never
 * cached), so deep links like `/vyzvy/<id>` work on reload while a missing script is still a 404.
 */
function servePortal(app: NestExpressApplication, webRoot: string): void {
  const root = path.resolve(webRoot);
  const index = path.join(root, 'index.html');
  // The `compression` middleware (README, "Compression"): only the portal's files; the API's downloads and
  // replies stay as they are. Brotli quality 5 compresses the JavaScript about as well as gzip -9, quickly.
  app.use(
    compression({
      brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
      filter: (req: Request, res: Response) => !req.path.startsWith('/api/') && compression.filter(req, res),
    }),
  );
  app.useStaticAssets(root, {
    index: false,
    setHeaders: (res: { setHeader(name: string, value: string): void }, file: string) =>
      res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.use(
    (req: { method: string; path: string; accepts(type: string): string | false }, res: { setHeader(k: string, v: string): void; sendFile(p: string): void }, next: () => void) => {
      const portalPage = (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api/') && req.path !== '/api' && !/\.[A-Za-z0-9]+$/.test(req.path);
      if (!portalPage || !req.accepts('html') || !existsSync(index)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    },
  );
}
