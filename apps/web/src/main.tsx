import './styles/index.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ProblemError } from './api/errors';
import { SessionProvider } from './api/session';
import { router } from './app/router';
import { LanguageProvider } from './i18n';

const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal from the API (4xx) is an answer, not a glitch: no retry. A lost connection is retried.
    queries: { retry: (count, error) => !(error instanceof ProblemError) && count < 2, refetchOnWindowFocus: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
