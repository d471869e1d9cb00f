import { randomUUID } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, DomainError } from '#core';
import { Authenticator } from './authenticator.js';
import { ACCESS_METADATA, AccessDeclaration } from './decorators.js';
import { hasPermission } from './permissions.js';

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

function languageOf(request: RequestLike): 'cs' | 'en' {
  const header = String(request.headers['accept-language'] ?? '');
  return /^\s*en\b/i.test(header) ? 'en' : 'cs';
}

export function correlationIdOf(request: RequestLike): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{8,128}$/.test(given) ? given : randomUUID();
}

/**
 * Route-level access: authenticates the bearer token (session checked in the database, so logout
 * revokes at once) and checks the route's declared permission. Object-level checks are AccessService's.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestLike>();
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    const correlationId = correlationIdOf(request);
    const language = languageOf(request);
    request.actor = { userId: null, roles: [], correlationId, language };

    if (!declaration) throw DomainError.forbidden('ROUTE_ACCESS_UNDECLARED');

    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : null;
    const user = token ? await this.authenticator.authenticate(token) : null;
    if (user) request.actor = { userId: user.userId, roles: user.roles, sessionId: user.sessionId, correlationId, language };

    if (declaration.kind === 'public') return true;
    if (!user) {
      throw DomainError.unauthenticated(
        token ? 'TOKEN_INVALID' : 'NOT_AUTHENTICATED',
        token ? { cs: 'Přihlášení vypršelo nebo bylo zrušeno. Přihlaste se znovu.', en: 'Your session has expired or was revoked. Please sign in again.' } : undefined,
      );
    }
    if (!hasPermission(user.roles, declaration.permission)) {
      throw DomainError.forbidden('PERMISSION_DENIED', {
        cs: `K této akci je potřeba oprávnění „${declaration.permission}“, které vaše role nemají.`,
        en: `This needs the permission "${declaration.permission}", which your roles do not have.`,
      });
    }
    return true;
  }
}
