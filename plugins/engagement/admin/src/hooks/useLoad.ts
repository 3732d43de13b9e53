import { useCallback, useEffect, useState } from 'react';

/**
 * One report's data: asked again whenever `key` changes (a filter in the URL), the last answer kept
 * on screen meanwhile; an answer that arrives after the filters changed again is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    setState((current) => ({ ...current, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState((current) => ({ data: current.data, error, loading: false }))
    );
    return () => {
      live = false;
    };
    // `load` is rebuilt on every render; `key` says when what it asks for changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { ...state, reload, setData: (data: T) => setState({ data, error: null, loading: false }) };
}
