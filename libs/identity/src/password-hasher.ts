import { hash, verify } from '@node-rs/argon2';

/** OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, parallelism 1. */
const OWASP_ARGON2ID = { algorithm: 2 /* Argon2id (a const enum, so written as its value) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, OWASP_ARGON2ID);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }
}
