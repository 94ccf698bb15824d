/**
 * The words of the flow's letters (issue #11 §5): the offer to the client (FLOW-3, FLOW-4), the
 * decision to the client (FLOW-1, 003) and the order to the provider (FLOW-1, FLOW-2), in
 * Swedish, with every deadline both in words and as a date. The deadlines are the ones stored
 * with the offer (`answerBy`, `startBy`) and the plan (`planDue`): printed, never recomputed.
 * Pure: the server renders the result as PDF.
 */
import { formatDate, formatDateWords, formatNumber } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';

/** A letter as the renderer lays it out: heading facts, then titled sections of paragraphs. */
export interface Letter {
  /** The document's title (also the PDF's title). */
  title: string;
  /** The letter's date (the day of the offer, decision or order). */
  date: string;
  /** The sender's lines (the city, the office). */
  from: string[];
  /** The recipient's lines. */
  to: string[];
  /** Label and value pairs printed as a table under the title. */
  facts: [string, string][];
  sections: { heading: string; paragraphs: string[] }[];
}

/** A client as a letter names it. */
export interface LetterClient {
  name: string;
  identity: string;
}

/** A deadline in words and as a date: `fredagen den 2 januari 2026 (2026-01-02)`. */
export const deadline = (iso: string): string => `${formatDateWords(iso)} (${formatDate(iso)})`;

const WORKING_DAYS =
  'Arbetsdagar räknas enligt lagen (1930:173) om beräkning av lagstadgad tid: lördagar, söndagar, ' +
  'helgdagar, midsommarafton, julafton och nyårsafton räknas inte.';

const office = (districtName: string) => ['Stockholms stad', `${districtName} stadsdelsförvaltning`];

/** The facts of an offer that its letter prints. */
export interface OfferLetterFacts {
  offerId: number;
  offeredOn: string;
  answerBy: string;
  startBy: string | null;
  state: 'open' | 'accepted' | 'declined' | 'withdrawn';
  answeredOn: string | null;
  service: string;
  unitName: string;
  providerName: string;
  districtName: string;
  client: LetterClient;
}

/** The offer of a place (FLOW-3): answer within 3 working days, start within 7 after accepting (FLOW-4). */
export function offerLetter(o: OfferLetterFacts): Letter {
  const answer: string[] = [];
  if (o.state === 'open')
    answer.push(
      `Du behöver svara senast ${deadline(o.answerBy)}, det vill säga inom tre arbetsdagar från ` +
        `erbjudandet den ${formatDateWords(o.offeredOn)}.`,
      'Om du tackar ja ska du flytta in eller börja senast den sjunde arbetsdagen efter att du ' +
        'tackade ja. Vi skickar då ett nytt brev med det datumet.',
    );
  if (o.state === 'accepted' && o.answeredOn)
    answer.push(`Du tackade ja till erbjudandet ${formatDateWords(o.answeredOn)}.`);
  if (o.state === 'accepted' && o.startBy)
    answer.push(
      `Du ska flytta in eller börja senast ${deadline(o.startBy)}, det vill säga inom sju ` +
        'arbetsdagar från att du tackade ja.',
    );
  if (o.state === 'declined')
    answer.push(`Du tackade nej till erbjudandet${o.answeredOn ? ' ' + formatDateWords(o.answeredOn) : ''}.`);
  if (o.state === 'withdrawn') answer.push('Erbjudandet har tagits tillbaka.');
  return {
    title: 'Erbjudande om plats',
    date: o.offeredOn,
    from: office(o.districtName),
    to: [o.client.name, o.client.identity],
    facts: [
      ['Insats', serviceLabel(o.service)],
      ['Enhet', o.unitName],
      ['Utförare', o.providerName],
      ['Erbjudandet gjordes', formatDate(o.offeredOn)],
      ['Svara senast', formatDate(o.answerBy)],
      ...(o.startBy ? ([['Flytta in eller börja senast', formatDate(o.startBy)]] as [string, string][]) : []),
      ['Ärende', `Erbjudande ${o.offerId}`],
    ],
    sections: [
      {
        heading: 'Erbjudande',
        paragraphs: [
          `Du erbjuds en plats i ${serviceLabel(o.service)} på ${o.unitName}, som drivs av ` +
            `${o.providerName}.`,
        ],
      },
      { heading: 'Ditt svar', paragraphs: [...answer, WORKING_DAYS] },
      {
        heading: 'Frågor',
        paragraphs: ['Kontakta din handläggare på stadsdelsförvaltningen om du har frågor om erbjudandet.'],
      },
    ],
  };
}

/** The facts of a decision that its letter prints. */
export interface DecisionLetterFacts {
  decisionId: number;
  decidedOn: string;
  service: string;
  from: string;
  to: string | null;
  hoursPerWeek: number | null;
  sessionsPerWeek: number | null;
  replacesId: number | null;
  districtName: string;
  client: LetterClient;
}

/** The amount of participation a decision grants, in words, or null (PAY-4, SVC-3). */
function participation(d: { hoursPerWeek: number | null; sessionsPerWeek: number | null }): string | null {
  if (d.hoursPerWeek !== null) return `${formatNumber(d.hoursPerWeek)} timmar per vecka`;
  if (d.sessionsPerWeek !== null)
    return `${d.sessionsPerWeek} ${d.sessionsPerWeek === 1 ? 'tillfälle' : 'tillfällen'} per vecka`;
  return null;
}

/** The decision on the service (FLOW-1); a change of participation is a new, dated decision (003). */
export function decisionLetter(d: DecisionLetterFacts): Letter {
  const amount = participation(d);
  const period = d.to
    ? `från och med ${formatDateWords(d.from)} till och med ${formatDateWords(d.to)}`
    : `från och med ${formatDateWords(d.from)} tills vidare`;
  return {
    title: 'Beslut om insats',
    date: d.decidedOn,
    from: office(d.districtName),
    to: [d.client.name, d.client.identity],
    facts: [
      ['Insats', serviceLabel(d.service)],
      ['Gäller från', formatDate(d.from)],
      ['Gäller till', d.to ? formatDate(d.to) : 'tills vidare'],
      ...(amount ? ([['Omfattning', amount]] as [string, string][]) : []),
      ['Beslutsdatum', formatDate(d.decidedOn)],
      ['Ärende', `Beslut ${d.decisionId}`],
    ],
    sections: [
      {
        heading: 'Beslut',
        paragraphs: [
          `Du beviljas ${serviceLabel(d.service)} ${period}.`,
          ...(amount ? [`Omfattningen är ${amount}.`] : []),
          ...(d.replacesId !== null
            ? [`Beslutet ersätter beslut ${d.replacesId} från och med ${formatDateWords(d.from)}.`]
            : []),
          `Beslutet fattades ${formatDateWords(d.decidedOn)}.`,
        ],
      },
      {
        heading: 'Så går det vidare',
        paragraphs: [
          'Du väljer utförare bland dem som erbjuder insatsen. Utförarkatalogen visar enheterna, deras ' +
            'inriktning, arbetssätt, lokaler, tillgänglighet och lediga platser.',
          'Ska omfattningen ändras fattas ett nytt beslut.',
        ],
      },
      {
        heading: 'Om du vill överklaga',
        paragraphs: [
          'Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten. Skicka ' +
            'överklagandet till stadsdelsförvaltningen inom tre veckor från den dag du fick del av beslutet.',
        ],
      },
    ],
  };
}

/** The facts of an order that its letter prints. */
export interface OrderLetterFacts {
  orderId: number;
  orderedOn: string;
  start: string;
  service: string;
  decisionFrom: string;
  decisionTo: string | null;
  hoursPerWeek: number | null;
  sessionsPerWeek: number | null;
  unitName: string;
  providerName: string;
  choiceSystem: boolean;
  planDue: string | null;
  districtName: string;
  client: LetterClient;
}

/** The order to the provider (FLOW-1) with the implementation plan's due date (FLOW-2). */
export function orderLetter(o: OrderLetterFacts): Letter {
  const amount = participation(o);
  return {
    title: 'Beställning av insats',
    date: o.orderedOn,
    from: office(o.districtName),
    to: [o.providerName, o.unitName],
    facts: [
      ['Klient', `${o.client.name}, ${o.client.identity}`],
      ['Insats', serviceLabel(o.service)],
      ['Enhet', o.unitName],
      ['Start', formatDate(o.start)],
      ...(amount ? ([['Omfattning', amount]] as [string, string][]) : []),
      [
        'Beslutad period',
        o.decisionTo
          ? `${formatDate(o.decisionFrom)} – ${formatDate(o.decisionTo)}`
          : `${formatDate(o.decisionFrom)} –`,
      ],
      ...(o.planDue ? ([['Genomförandeplan senast', formatDate(o.planDue)]] as [string, string][]) : []),
      ['Beställd', formatDate(o.orderedOn)],
      ['Ärende', `Beställning ${o.orderId}`],
    ],
    sections: [
      {
        heading: 'Beställning',
        paragraphs: [
          `${o.districtName} stadsdelsförvaltning beställer ${serviceLabel(o.service)} på ${o.unitName} ` +
            `för ${o.client.name} med start ${formatDateWords(o.start)}.`,
          ...(amount ? [`Beslutad omfattning: ${amount}.`] : []),
          ...(o.choiceSystem
            ? ['Som utförare i valfrihetssystemet får ni inte tacka nej till en erbjuden person.']
            : []),
        ],
      },
      ...(o.planDue
        ? [
            {
              heading: 'Genomförandeplan',
              paragraphs: [
                `Genomförandeplanen ska vara upprättad senast ${deadline(o.planDue)}, tillsammans med ` +
                  'klienten och vid behov den som beställt insatsen och en närstående eller god man. ' +
                  'Markera den som klar i utförarportalen.',
              ],
            },
          ]
        : []),
    ],
  };
}
