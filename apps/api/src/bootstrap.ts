import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, createLogger } from '#config';
import { ApiModule } from './api.module.js';
import { FieldProblem, ProblemResponse, withProblemResponses } from './http/openapi.js';
import { createValidationPipe } from './http/validation.js';

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
  app.useGlobalPipes(createValidationPipe());
  const document = withProblemResponses(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Dotační programy HMP – API')
      .setDescription('Granty hl. m. Prahy na integraci cizinců: výzvy, žádosti, hodnocení, rozhodnutí, platby, vyúčtování a vazba na Koncepci. Chyby ve formátu application/problem+json.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ProblemResponse, FieldProblem] },
  ));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
