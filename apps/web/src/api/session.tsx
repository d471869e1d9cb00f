/**
 * The signed-in user and the session's life in the browser: silent refresh while the user is active, a
 * warning before an idle session ends (with a button to stay signed in), and sign-out that ends the
 * server's session. Nothing here stores a token where a script could read it later.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n';
import { api, call, currentToken, onTokenChange, refreshSession, setToken } from './client';
import type { TokenState } from './client';

export type Role = 'applicant' | 'staff' | 'commission_member' | 'auditor' | 'admin';

export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  language: 'cs' | 'en';
}

export type SignOutReason = 'user' | 'idle' | 'expired';

interface SessionContextValue {
  status: 'loading' | 'anonymous' | 'signed-in';
  user: SignedInUser | null;
  /** Why the last session ended, for the sign-in page's message. */
  endedBecause: SignOutReason | null;
  /** Seconds left when the idle warning is showing, else null. */
  warningSecondsLeft: number | null;
  signIn(email: string, password: string): Promise<SignedInUser>;
  signOut(reason?: SignOutReason): Promise<void>;
  staySignedIn(): Promise<void>;
  setLanguagePreference(language: 'cs' | 'en'): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** How long before the access token ends the idle warning shows: two minutes, or half the lifetime when that is shorter. */
export function warningLeadSeconds(ttlSeconds: number): number {
  return Math.min(120, Math.floor(ttlSeconds / 2));
}
/** Sign out this long before the token ends, while it can still end the server's session. */
const SIGN_OUT_MARGIN_MS = 3_000;

async function loadMe(): Promise<SignedInUser> {
  return call<SignedInUser>(api.GET('/api/v1/auth/me'));
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useLanguage();
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [status, setStatus] = useState<SessionContextValue['status']>('loading');
  const [endedBecause, setEndedBecause] = useState<SignOutReason | null>(null);
  const [warningUntil, setWarningUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const lastActivity = useRef(Date.now());
  const tokenIssuedAt = useRef(0);

  const adopt = useCallback(
    (me: SignedInUser) => {
      setUser(me);
      setStatus('signed-in');
      setEndedBecause(null);
      setLocale(me.language);
    },
    [setLocale],
  );

  const forget = useCallback((reason: SignOutReason | null) => {
    setToken(null);
    setUser(null);
    setStatus('anonymous');
    setWarningUntil(null);
    setEndedBecause(reason);
  }, []);

  // First load: a refresh cookie from an earlier visit signs the user in silently.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const ok = await refreshSession();
      if (cancelled) return;
      if (!ok) return setStatus('anonymous');
      try {
        adopt(await loadMe());
      } catch {
        forget(null);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [adopt, forget]);

  useEffect(() => {
    const mark = () => {
      lastActivity.current = Date.now();
    };
    window.addEventListener('keydown', mark, { passive: true });
    window.addEventListener('pointerdown', mark, { passive: true });
    return () => {
      window.removeEventListener('keydown', mark);
      window.removeEventListener('pointerdown', mark);
    };
  }, []);

  const signOut = useCallback(
    async (reason: SignOutReason = 'user') => {
      if (currentToken()) await call(api.POST('/api/v1/auth/logout')).catch(() => undefined);
      forget(reason);
    },
    [forget],
  );

  // Before the access token ends: refresh silently if the user did something since it was issued, else warn.
  const [tokenState, setTokenState] = useState<TokenState | null>(currentToken());
  useEffect(
    () =>
      onTokenChange((state) => {
        tokenIssuedAt.current = Date.now();
        setTokenState(state);
        setWarningUntil(null);
      }),
    [],
  );
  useEffect(() => {
    if (!tokenState || status !== 'signed-in') return;
    const at = tokenState.expiresAt - warningLeadSeconds(tokenState.ttlSeconds) * 1000;
    const timer = window.setTimeout(
      () => {
        if (lastActivity.current > tokenIssuedAt.current) void refreshSession();
        else setWarningUntil(tokenState.expiresAt - SIGN_OUT_MARGIN_MS);
      },
      Math.max(0, at - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [tokenState, status]);

  // The warning's countdown, and the sign-out when it runs out.
  useEffect(() => {
    if (warningUntil === null) return;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      if (current >= warningUntil) void signOut('idle');
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [warningUntil, signOut]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const tokens = await call<{ accessToken: string; accessTokenExpiresIn: number }>(api.POST('/api/v1/auth/login', { body: { email, password } }));
      setToken(tokens);
      const me = await loadMe();
      adopt(me);
      return me;
    },
    [adopt],
  );

  const staySignedIn = useCallback(async () => {
    lastActivity.current = Date.now();
    if (!(await refreshSession())) forget('expired');
  }, [forget]);

  const setLanguagePreference = useCallback(
    async (language: 'cs' | 'en') => {
      setLocale(language);
      if (user) setUser(await call<SignedInUser>(api.PATCH('/api/v1/auth/me', { body: { language } })));
    },
    [setLocale, user],
  );

  const value = useMemo<SessionContextValue>(
    () => ({
      status,
      user,
      endedBecause,
      warningSecondsLeft: warningUntil === null ? null : Math.max(0, Math.ceil((warningUntil - now) / 1000)),
      signIn,
      signOut,
      staySignedIn,
      setLanguagePreference,
    }),
    [status, user, endedBecause, warningUntil, now, signIn, signOut, staySignedIn, setLanguagePreference],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
