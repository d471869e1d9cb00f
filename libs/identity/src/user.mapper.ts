import type { UserView } from './dto.js';
import type { User } from './entities.js';

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    language: user.language,
    isActive: user.isActive,
    createdAt: user.createdAt.toISOString(),
  };
}
