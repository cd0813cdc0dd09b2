import { useEffect, useState } from 'preact/hooks';

/** The value once it has stopped changing for `ms` (typing is not sent key by key). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Sets the page title for the view shown. */
export function useTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Relations explorer` : 'Relations explorer';
  }, [title]);
}
