/**
 * Every page's frame: sets the document title per route (WCAG 2.4.2), renders the one `<h1>` and
 * moves focus to it after an in-app navigation so screen-reader users hear where they are.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Group, Stack, Title } from '@mantine/core';

/** Set by App after an in-app navigation; the next page heading to appear takes focus. */
export const focusRequest = { pending: false };

/** Focuses the page heading if a navigation asked for it; true when it did. */
export function focusHeading(): boolean {
  const h1 = document.querySelector<HTMLElement>('#main h1');
  if (!focusRequest.pending || !h1) return false;
  focusRequest.pending = false;
  h1.focus();
  return true;
}

/** The app name appended to every title. */
export const APP_NAME = 'Ersättning';

/** A page with a title, optional actions beside the heading, and content. */
export function Page({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${APP_NAME}`;
  }, [title]);
  // A page loaded lazily appears after App's focus attempt: it takes the focus itself.
  useEffect(() => {
    focusHeading();
  }, []);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} ref={h1} tabIndex={-1}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}
