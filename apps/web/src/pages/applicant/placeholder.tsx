import { Placeholder } from '../../app/placeholder';
import { RequireRole } from '../../app/require-role';

export function ApplicantPlaceholder() {
  return (
    <RequireRole roles={['applicant']}>
      <Placeholder title="common.nav.applications" />
    </RequireRole>
  );
}
