import { Placeholder } from '../../app/placeholder';
import { RequireRole } from '../../app/require-role';

export function AuditorPlaceholder() {
  return (
    <RequireRole roles={['auditor']}>
      <Placeholder title="common.nav.auditor" />
    </RequireRole>
  );
}
