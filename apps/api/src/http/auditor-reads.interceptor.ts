import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import type { Actor } from '#core';
import { UnitOfWork } from '#database';

/** Routes whose services audit every run themselves (for every role), so they are not logged twice. */
const AUDITED_BY_SERVICE = /^\/(trace|reports)\//;

/**
 * Auditors read everything, and who looked at what is itself on record: every successful read by an
 * auditor (a GET answered 2xx) leaves an audit entry with the route and the query, written before the
 * answer goes out. One place for all routes, so a new report cannot forget it.
 */
@Injectable()
export class AuditorReadsInterceptor implements NestInterceptor {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const actor = request.actor;
    // The route as the API names it, without the version prefix (`/api/v1`).
    const route = request.path.replace(/^\/api\/v\d+(?=\/)/, '');
    if (request.method !== 'GET' || !actor?.roles.includes('auditor') || AUDITED_BY_SERVICE.test(route)) return next.handle();
    return next
      .handle()
      .pipe(
        switchMap((body: unknown) =>
          from(this.unitOfWork.run(actor, (tx) => tx.audit({ action: 'report.viewed', objectType: 'route', objectId: route, after: { query: request.query } })).then(() => body)),
        ),
      );
  }
}
