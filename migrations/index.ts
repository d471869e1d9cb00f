import { Foundation1763800000000 } from './1763800000000-foundation.js';

/** Every migration, oldest first. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [Foundation1763800000000];
