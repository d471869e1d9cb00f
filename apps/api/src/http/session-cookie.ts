import type { Request, Response } from 'express';
import type { AppConfig } from '#config';
import { DomainError } from '#core';
import type { TokenPair } from '#identity';

/**
 * The browser's refresh token lives in an httpOnly, SameSite=Strict cookie scoped to the auth routes, so
 * no script can read it; the access token stays in the page's memory. API clients keep using the body.
 */
export const REFRESH_COOKIE = 'grants_refresh';
const COOKIE_PATH = '/api/v1/auth';
/** Sent by the portal's own script. A cross-site form or image cannot set it, and a cross-site script needs CORS, which the API does not grant. */
export const PORTAL_HEADER = 'x-grants-portal';

export function isPortalRequest(request: Request): boolean {
  return request.headers[PORTAL_HEADER] === '1';
}

export function readRefreshCookie(request: Request): string | undefined {
  for (const part of String(request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * A request authenticated by the cookie (refresh, and logout's cookie removal) must come from the portal
 * itself: the custom header, and an Origin (when the browser sends one) equal to the portal's own.
 */
export function assertSameOriginPortal(request: Request, config: AppConfig): void {
  const origin = request.headers.origin;
  const host = request.headers.host;
  const own = new Set([new URL(config.publicUrl).origin, ...(host ? [`http://${host}`, `https://${host}`] : [])]);
  if (!isPortalRequest(request) || (origin !== undefined && !own.has(origin))) {
    throw new DomainError('CSRF_REFUSED', 'forbidden', {
      cs: 'Požadavek nepřišel z portálu tohoto systému, proto byl odmítnut.',
      en: 'The request did not come from this system’s portal and was refused.',
    });
  }
}

/** Moves the refresh token from the body into the cookie (the portal never sees it). */
export function deliverToPortal(response: Response, tokens: TokenPair, config: AppConfig): Omit<TokenPair, 'refreshToken'> {
  const { refreshToken, ...rest } = tokens;
  response.cookie(REFRESH_COOKIE, refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.env === 'production',
    path: COOKIE_PATH,
    maxAge: config.auth.refreshTokenTtlDays * 86_400_000,
  });
  return rest;
}

export function clearRefreshCookie(response: Response, config: AppConfig): void {
  response.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure: config.env === 'production', path: COOKIE_PATH });
}
