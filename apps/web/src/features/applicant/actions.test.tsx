import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { render, screen, within } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messagesFor } from '../../i18n';
import { ActionsLink, NeedsAction } from './actions';
import type { ApplicantActions } from './actions';

const DAY = 86_400_000;

/** The API as the portal sees it: /my-actions answers `actions`, the system clock is moved by `offsetMs`. */
function serve(actions: ApplicantActions, offsetMs = 0) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/my-actions') return Response.json(actions);
      if (path === '/api/v1/system/clock') return Response.json({ now: new Date(Date.now() + offsetMs).toISOString(), offsetMs, movable: true });
      return new Response(null, { status: 404 });
    }),
  );
}

function renderWithApp() {
  const root = createRootRoute({ component: Outlet });
  const page = createRoute({
    getParentRoute: () => root,
    path: '/',
    component: () => (
      <>
        <header>
          <ActionsLink />
        </header>
        <main>
          <NeedsAction />
        </main>
      </>
    ),
  });
  const router = createRouter({ routeTree: root.addChildren([page]), history: createMemoryHistory({ initialEntries: ['/'] }) });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <IntlProvider locale="cs-CZ" messages={messagesFor('cs')}>
        <RouterProvider router={router} />
      </IntlProvider>
    </QueryClientProvider>,
  );
}

const settlement = {
  agreementId: 'a1',
  agreementNumber: 'SML-2027-0004',
  applicationId: 'app-1',
  applicationNumber: 'NMC-2027-0012',
  title: 'Čtenářský klub',
  organisationName: 'Spolek Náprava',
  deadline: '2028-01-31',
};

describe('what needs the applicant’s action', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a settlement due in the header’s count and on the dashboard, with its deadline and a link to the settlement form', async () => {
    serve({ remedies: [], signatures: [], settlements: [settlement] });
    renderWithApp();
    const header = await screen.findByRole('banner');
    expect(await within(header).findByRole('link', { name: '1 úkol k vyřízení' })).toHaveAttribute('href', '/zadosti#vyzaduje-akci');
    const section = await screen.findByRole('region', { name: 'Vyžaduje vaši pozornost' });
    expect(section).toHaveAttribute('id', 'vyzaduje-akci');
    const link = within(section).getByRole('link', { name: 'Smlouva SML-2027-0004 k žádosti NMC-2027-0012 (Čtenářský klub): podejte vyúčtování' });
    expect(link).toHaveAttribute('href', '/vyuctovani/a1');
    expect(section).toHaveTextContent('lhůta pro vyúčtování 31. 1. 2028');
  });

  it('counts remedies and settlements together and counts a remedy deadline down on the system’s (moved) clock', async () => {
    const moved = 200 * DAY;
    const deadlineAt = new Date(Date.now() + moved + 3 * DAY + 5 * 60_000).toISOString();
    serve(
      {
        remedies: [{ applicationId: 'app-2', applicationNumber: 'NMC-2027-0013', title: 'Sousedské čtení', organisationName: 'Spolek', deadlineAt }],
        signatures: [],
        settlements: [settlement],
      },
      moved,
    );
    renderWithApp();
    expect(await within(await screen.findByRole('banner')).findByRole('link', { name: '2 úkoly k vyřízení' })).toBeInTheDocument();
    const section = await screen.findByRole('region', { name: 'Vyžaduje vaši pozornost' });
    expect(within(section).getByRole('link', { name: 'Žádost NMC-2027-0013 (Sousedské čtení): odstraňte vady' })).toHaveAttribute('href', '/zadosti/app-2');
    // 3 days on the moved clock, not 203 on the browser's.
    expect(await within(section).findByText(/zbývá 3 dny/)).toBeInTheDocument();
  });

  it('lists an agreement sent for signature, counted in the header, linking to the agreement', async () => {
    serve({
      remedies: [],
      signatures: [
        {
          agreementId: 'ag-1',
          agreementNumber: 'SML-NMC-2027-0014',
          amendmentNumber: null,
          applicationId: 'app-3',
          applicationNumber: 'NMC-2027-0014',
          title: 'Tlumočníci',
          organisationName: 'Spolek',
          sentAt: new Date().toISOString(),
        },
      ],
      settlements: [settlement],
    });
    renderWithApp();
    expect(await within(await screen.findByRole('banner')).findByRole('link', { name: '2 úkoly k vyřízení' })).toBeInTheDocument();
    const section = await screen.findByRole('region', { name: 'Vyžaduje vaši pozornost' });
    expect(within(section).getByRole('link', { name: 'Smlouva SML-NMC-2027-0014 k žádosti NMC-2027-0014 (Tlumočníci): stáhněte ji a nahrajte podepsanou' })).toHaveAttribute(
      'href',
      '/smlouvy/ag-1',
    );
  });

  it('shows nothing when nothing needs action', async () => {
    serve({ remedies: [], signatures: [], settlements: [] });
    renderWithApp();
    await screen.findByRole('main');
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByRole('region')).toBeNull();
  });
});
