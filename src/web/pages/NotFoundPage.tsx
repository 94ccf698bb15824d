/** The page for an unknown address. */
import { Anchor, Text } from '@mantine/core';
import { Page } from '../components/Page.js';
import { Link } from '../router.js';

/** Shown when no route matches. */
export function NotFoundPage() {
  return (
    <Page title="Sidan finns inte">
      <Text>
        Adressen finns inte i Ersättning.{' '}
        <Anchor component={Link} href="/">
          Gå till startsidan
        </Anchor>
        .
      </Text>
    </Page>
  );
}
