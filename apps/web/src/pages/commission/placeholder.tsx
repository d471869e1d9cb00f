import { Placeholder } from '../../app/placeholder';
import { RequireRole } from '../../app/require-role';

export function CommissionPlaceholder() {
  return (
    <RequireRole roles={['commission_member']}>
      <Placeholder title="common.nav.commission" />
    </RequireRole>
  );
}
