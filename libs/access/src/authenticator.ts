import { Role } from '#core';

export interface AuthenticatedUser {
  userId: string;
  sessionId: string;
  roles: Role[];
  language: 'cs' | 'en';
}

/** Implemented by the identity lib; the guard only knows this interface. */
export abstract class Authenticator {
  abstract authenticate(bearerToken: string): Promise<AuthenticatedUser | null>;
}
