import styled from 'styled-components';

/** A keyboard key, as shown next to the action it triggers. */
export const Kbd = styled.kbd`
  display: inline-block;
  margin-left: ${({ theme }) => theme.spaces[1]};
  padding: 0 ${({ theme }) => theme.spaces[1]};
  border: 1px solid currentColor;
  border-radius: ${({ theme }) => theme.borderRadius};
  font-family: monospace;
  font-size: 1.1rem;
  line-height: 1.6rem;
  opacity: 0.7;
`;
