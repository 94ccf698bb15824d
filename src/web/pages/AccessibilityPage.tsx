/**
 * The accessibility statement required by the Swedish act on accessibility of digital public
 * services (lag (2018:1937), DOS-lagen), following DIGG's structure. Public: no sign-in needed.
 */
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Page } from '../components/Page.js';

/** Tillgänglighetsredogörelse. */
export function AccessibilityPage() {
  return (
    <Page title="Tillgänglighetsredogörelse">
      <Stack gap="md" maw={760}>
        <Text>
          Stockholms stad står bakom Ersättning, systemet för ersättning till utförare och resursfördelning
          inom LSS och socialpsykiatri. Vi vill att så många som möjligt ska kunna använda tjänsten. Här
          beskriver vi hur tjänsten uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig
          service, kända brister och hur du kan rapportera problem så att vi kan åtgärda dem.
        </Text>
        <section aria-labelledby="a11y-status">
          <Title order={2} id="a11y-status" size="h3">
            Hur tillgänglig är tjänsten?
          </Title>
          <Text>
            Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund
            av de brister som beskrivs nedan. Målet är nivå AA i WCAG 2.1.
          </Text>
          <List mt="xs">
            <List.Item>
              Allt går att använda med enbart tangentbord; en länk högst upp hoppar direkt till innehållet.
            </List.Item>
            <List.Item>Varje sida har en egen titel, en huvudrubrik och tydliga landmärken.</List.Item>
            <List.Item>
              Alla formulärfält har synliga etiketter och felmeddelanden står intill fältet.
            </List.Item>
            <List.Item>Belopp och datum skrivs på svenska: 1 234 kr och 2024-03-01.</List.Item>
            <List.Item>Diagrammens siffror finns också i tabeller.</List.Item>
          </List>
        </section>
        <section aria-labelledby="a11y-gaps">
          <Title order={2} id="a11y-gaps" size="h3">
            Kända brister
          </Title>
          <List>
            <List.Item>
              Diagrammen i scenariovyn kan inte läsas av skärmläsare punkt för punkt; använd tabellerna på
              samma sida.
            </List.Item>
            <List.Item>Exporten till Excel (XLSX) har inte granskats för tillgänglighet.</List.Item>
            <List.Item>Breda tabeller kräver vågrät rullning på små skärmar.</List.Item>
          </List>
        </section>
        <section aria-labelledby="a11y-report">
          <Title order={2} id="a11y-report" size="h3">
            Rapportera brister
          </Title>
          <Text>
            Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format,
            kontakta socialförvaltningen via{' '}
            <Anchor href="mailto:ersattning@stockholm.se">ersattning@stockholm.se</Anchor>. Vi svarar inom fem
            arbetsdagar.
          </Text>
        </section>
        <section aria-labelledby="a11y-digg">
          <Title order={2} id="a11y-digg" size="h3">
            Tillsyn
          </Title>
          <Text>
            Myndigheten för digital förvaltning (DIGG) ansvarar för tillsynen av lagen. Om du inte är nöjd med
            hur vi hanterar dina synpunkter kan du{' '}
            <Anchor href="https://www.digg.se/tdosanmalan">anmäla till DIGG</Anchor>.
          </Text>
        </section>
        <section aria-labelledby="a11y-test">
          <Title order={2} id="a11y-test" size="h3">
            Hur vi testat tjänsten
          </Title>
          <Text>
            Varje sida granskas automatiskt med axe i en riktig webbläsare vid varje ändring, utan allvarliga
            eller kritiska fel, och huvudflödena testas med enbart tangentbord. Redogörelsen uppdaterades
            senast 2026-11-25.
          </Text>
        </section>
      </Stack>
    </Page>
  );
}
