import { useEffect } from 'react';

/** What each key does; an action left undefined is not available now (no card, no permission). */
export type QueueShortcuts = {
  enabled: boolean;
  next: () => void;
  previous: () => void;
  approve?: () => void;
  reject?: () => void;
  ban?: () => void;
  toggle?: () => void;
  approveSelected?: () => void;
  rejectSelected?: () => void;
  search: () => void;
  help: () => void;
  openQueue: (index: number) => void;
};

/** Typing in a field must not trigger a shortcut. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const KEYS: Record<string, keyof Omit<QueueShortcuts, 'enabled' | 'openQueue'>> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  a: 'approve',
  r: 'reject',
  b: 'ban',
  x: 'toggle',
  A: 'approveSelected',
  R: 'rejectSelected',
  '/': 'search',
  '?': 'help',
};

/** The queue's keyboard: j/k to move, a/r/b/x on the focused card, A/R on the selection, 1–5 for queues. */
export const useQueueShortcuts = (shortcuts: QueueShortcuts) => {
  useEffect(() => {
    if (!shortcuts.enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const action = KEYS[event.key] ? shortcuts[KEYS[event.key]] : undefined;
      if (action) {
        event.preventDefault();
        action();
      } else if (/^[1-5]$/.test(event.key)) {
        event.preventDefault();
        shortcuts.openQueue(Number(event.key) - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcuts]);
};
