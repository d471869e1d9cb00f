import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DomainError, Page, PageQuery, pageOf, Role } from '#core';
import { Tx, UnitOfWork } from '#database';
import type { CreateUserRequest, UserView } from './dto.js';
import { User } from './entities.js';
import { PasswordHasher } from './password-hasher.js';
import { toUserView } from './user.mapper.js';

@Injectable()
export class UserService {
  private readonly hasher = new PasswordHasher();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(actor: Actor, request: CreateUserRequest): Promise<UserView> {
    const passwordHash = await this.hasher.hash(request.password);
    return this.unitOfWork.run(actor, (tx) => this.insert(tx, { ...request, passwordHash }));
  }

  /** Self-service sign-up: always and only the applicant role. */
  async register(actor: Actor, request: Omit<CreateUserRequest, 'roles'>): Promise<UserView> {
    return this.create(actor, { ...request, roles: ['applicant'] });
  }

  /** Used by create() and by the demo-data loader inside its own unit of work. */
  async insert(tx: Tx, request: Omit<CreateUserRequest, 'password'> & { passwordHash: string }): Promise<UserView> {
    const email = request.email.trim().toLowerCase();
    const taken = await tx.manager.existsBy(User, { email });
    if (taken) {
      throw DomainError.field('email', 'EMAIL_TAKEN', {
        cs: `Účet s e-mailem ${email} už existuje.`,
        en: `An account with the e-mail ${email} already exists.`,
      });
    }
    const user: User = {
      id: randomUUID(),
      email,
      displayName: request.displayName.trim(),
      passwordHash: request.passwordHash,
      roles: [...new Set(request.roles)],
      language: request.language ?? 'cs',
      isActive: true,
      createdAt: tx.now,
      updatedAt: tx.now,
    };
    await tx.manager.insert(User, user);
    const view = toUserView(user);
    tx.audit({ action: 'user.created', objectType: 'user', objectId: user.id, after: { email, roles: user.roles } });
    tx.emit({ type: 'account.created', aggregateType: 'user', aggregateId: user.id });
    return view;
  }

  async hashPassword(password: string): Promise<string> {
    return this.hasher.hash(password);
  }

  async get(id: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw DomainError.notFound('user', id);
    return toUserView(user);
  }

  async list(query: PageQuery & { role?: Role; search?: string }): Promise<Page<UserView>> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u');
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.search) qb.andWhere('(u.email ILIKE :s OR u.display_name ILIKE :s)', { s: `%${query.search.replace(/[\\%_]/g, '\\$&')}%` });
    const [users, total] = await qb.orderBy('u.email').skip(query.offset).take(query.pageSize).getManyAndCount();
    return pageOf(users.map(toUserView), total, query);
  }

  async updateRoles(actor: Actor, id: string, roles: Role[]): Promise<UserView> {
    return this.unitOfWork.run(actor, async (tx) => {
      const user = await tx.manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw DomainError.notFound('user', id);
      if (id === actor.userId && user.roles.includes('admin') && !roles.includes('admin')) {
        throw DomainError.conflict('CANNOT_REMOVE_OWN_ADMIN', {
          cs: 'Nemůžete odebrat roli administrátora sami sobě.',
          en: 'You cannot remove the administrator role from yourself.',
        });
      }
      const before = { roles: user.roles };
      user.roles = [...new Set(roles)];
      user.updatedAt = tx.now;
      await tx.manager.save(user);
      tx.audit({ action: 'user.roles_changed', objectType: 'user', objectId: id, before, after: { roles: user.roles } });
      return toUserView(user);
    });
  }

  /** The signed-in user's own preferences (the portal's language switch remembers the choice here). */
  async updateOwnProfile(actor: Actor, changes: { language: 'cs' | 'en' }): Promise<UserView> {
    const id = actor.userId;
    if (!id) throw DomainError.unauthenticated();
    return this.unitOfWork.run(actor, async (tx) => {
      const user = await tx.manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw DomainError.notFound('user', id);
      const before = { language: user.language };
      user.language = changes.language;
      user.updatedAt = tx.now;
      await tx.manager.save(user);
      tx.audit({ action: 'user.profile_changed', objectType: 'user', objectId: id, before, after: { language: user.language } });
      return toUserView(user);
    });
  }
}
