/**
 * Every page's frame: sets the document title per route (WCAG 2.4.2), renders the one `<h1>` and
 * moves focus to it after an in-app navigation so screen-reader users hear where they are.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Group, Stack, Title } from '@mantine/core';

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
