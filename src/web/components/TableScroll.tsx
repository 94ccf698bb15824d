/**
 * A horizontally scrollable wrapper for wide tables that keyboard users can scroll too (WCAG
 * 2.1.1; axe scrollable-region-focusable): focusable only when the table actually overflows.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

/** Wraps a table; `label` names the region for screen readers when it becomes scrollable. */
export function TableScroll({ label = 'Tabell', children }: { label?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      style={{ overflowX: 'auto', maxWidth: '100%' }}
      {...(overflows ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (rulla i sidled)` } : {})}
    >
      {children}
    </div>
  );
}
