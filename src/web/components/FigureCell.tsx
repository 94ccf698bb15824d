/**
 * A money figure with its source (PAY-10, RATE-1) written out, not hidden in a tooltip: either
 * inline, or as a numbered note ("källa 2") when the table lists its sources below.
 */
import { Badge, Text } from '@mantine/core';
import { formatKr } from '../../contract/format.js';
import type { ShownFigure } from '../model-view.js';
import { WARN } from '../colors.js';
import { SourceText } from './Rule.js';

/** Shows `1 501 kr`, then the source (or its note number) when it differs from `defaultSource`. */
export function FigureCell({
  f,
  defaultSource,
  note,
}: {
  f: ShownFigure | null | undefined;
  defaultSource?: string | null;
  note?: (source: string) => number;
}) {
  if (!f) return <Text span>–</Text>;
  const own = f.source && f.source !== defaultSource ? f.source : null;
  return (
    <>
      <Text span fw={500}>
        {formatKr(f.kr)}
      </Text>
      {f.illustrative && (
        <Badge size="xs" color={WARN} variant="outline" ml={4}>
          illustrativt
        </Badge>
      )}
      {f.derived && (
        <Text size="xs" c="dimmed">
          härlett: {f.derived}
        </Text>
      )}
      {own && (
        <Text size="xs" c="dimmed">
          {note ? (
            `källa ${note(own)}`
          ) : (
            <>
              källa: <SourceText source={own} />
            </>
          )}
        </Text>
      )}
    </>
  );
}
