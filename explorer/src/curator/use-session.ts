import { useEffect, useState } from 'preact/hooks';
import { currentSession, onSessionChange, type Session } from './session.ts';

/** The signed-in session, redrawn when the curator signs in or out. */
export function useSession(): Session | null {
  const [session, setState] = useState(currentSession);
  useEffect(() => onSessionChange(() => setState(currentSession())), []);
  return session;
}
