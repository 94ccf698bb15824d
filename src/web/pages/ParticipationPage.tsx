/**
 * The case officer's participation follow-up (FLOW-5, SVC-3, issue #11 §6): the district's daily
 * activity and occupation clients by month, decided against reported; daily activity decided under
 * 10 hours a week and absence over half the month are flagged, and the flagged are shown first.
 */
import { Text } from '@mantine/core';
import { Page } from '../components/Page.js';
import { Rule } from '../components/Rule.js';
import { Attendance } from './attendance.js';

/** The page at /deltagande. */
export function ParticipationPage() {
  return (
    <Page title="Deltagande att följa upp">
      <Text mb="md">
        Beslutad omfattning mot den närvaro och frånvaro som utförarna rapporterar. Daglig verksamhet under 10
        timmar i veckan och frånvaro mer än halva månaden markeras för uppföljning.
        <Rule ids={['SVC-3', 'FLOW-5']} />
      </Text>
      <Attendance district />
    </Page>
  );
}
