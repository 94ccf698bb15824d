/** A money figure with its source and derivation written out (PAY-10, RATE-1), not hidden in a tooltip. */
import { Badge, Text } from '@mantine/core';
import { formatKr } from '../format.js';
import type { ShownFigure } from '../model-view.js';
import { WARN } from '../colors.js';

/** Shows `1 501 kr`, then the source in small text when it differs from `defaultSource`. */
export function FigureCell({
  f,
  defaultSource,
}: {
  f: ShownFigure | null | undefined;
  defaultSource?: string | null;
}) {
  if (!f) return <Text span>–</Text>;
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
      {f.source && f.source !== defaultSource && (
        <Text size="xs" c="dimmed">
          källa: {f.source}
        </Text>
      )}
    </>
  );
}
