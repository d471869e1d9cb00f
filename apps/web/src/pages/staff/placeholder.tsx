import { Placeholder } from '../../app/placeholder';
import { RequireRole } from '../../app/require-role';

export function StaffPlaceholder() {
  return (
    <RequireRole roles={['staff', 'admin']}>
      <Placeholder title="common.nav.staff" />
    </RequireRole>
  );
}
