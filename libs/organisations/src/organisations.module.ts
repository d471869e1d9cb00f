import { Module } from '@nestjs/common';
import { NotificationsModule } from '#notifications';
import { OrganisationNotifications } from './organisation-notifications.js';
import { OrganisationService } from './organisation.service.js';
import { ManualOrganisationVerifier, ORGANISATION_VERIFIER, OrganisationVerificationService } from './verification.js';

/** The verifier is bound here: an automatic check (ARES) replaces the manual one by binding another class to the token. */
@Module({
  imports: [NotificationsModule],
  providers: [OrganisationService, OrganisationVerificationService, OrganisationNotifications, { provide: ORGANISATION_VERIFIER, useClass: ManualOrganisationVerifier }],
  exports: [OrganisationService, OrganisationVerificationService],
})
export class OrganisationsModule {}
