import { Typography } from '@strapi/design-system';
import styled from 'styled-components';

import type { Match } from '../api/moderation';

const Mark = styled.mark<{ $banned: boolean }>`
  background: ${({ theme, $banned }) => ($banned ? theme.colors.danger100 : theme.colors.warning100)};
  color: ${({ theme, $banned }) => ($banned ? theme.colors.danger700 : theme.colors.warning700)};
  border-radius: 2px;
  padding: 0 2px;
  font-weight: 600;
`;

/**
 * The comment as plain text (React escapes it: nothing in a comment is ever run), with the words
 * the rules matched highlighted, red for banned and amber for suspect.
 */
export const HighlightedText = ({
  text,
  matches,
  variant = 'omega',
}: {
  text: string;
  matches: Match[];
  variant?: 'omega' | 'pi';
}) => {
  const ranges = [...matches].sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let cursor = 0;
  ranges.forEach((match, index) => {
    if (match.start < cursor || match.end > text.length) return;
    if (match.start > cursor) parts.push(text.slice(cursor, match.start));
    parts.push(
      <Mark key={index} $banned={match.level === 'banned'} title={match.term} data-testid="matched-word">
        {text.slice(match.start, match.end)}
      </Mark>
    );
    cursor = match.end;
  });
  if (cursor < text.length) parts.push(text.slice(cursor));
  return (
    <Typography variant={variant} tag="p" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts}
    </Typography>
  );
};
