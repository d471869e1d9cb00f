import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Actor } from '#core';
import { Permission } from './permissions.js';

export const ACCESS_METADATA = 'grants:access';

/** Every route declares its access; the guard refuses a route that declares none. */
export type AccessDeclaration = { kind: 'public' } | { kind: 'authenticated'; permission: Permission };

export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessDeclaration);

export const Authenticated = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'authenticated', permission } satisfies AccessDeclaration),
    ApiBearerAuth(),
    // The permission in the OpenAPI document too: clients (and the fuzz test) know who may call a route.
    ApiExtension('x-permission', permission),
    ApiUnauthorizedResponse({ description: 'Nepřihlášen / not signed in' }),
    ApiForbiddenResponse({ description: `Chybí oprávnění ${permission} / missing permission` }),
  );

/** The acting user (or an anonymous actor on public routes), with the request's correlation id. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ actor: Actor }>();
  return request.actor;
});
