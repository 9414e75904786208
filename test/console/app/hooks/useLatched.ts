/**
 * The value from the last time `open` was true: a dialog keeps showing what it was opened with
 * while it animates closed, instead of flashing empty.
 */
import { useRef } from 'react';

export function useLatched<T>(value: T, open: boolean): T {
  const latched = useRef(value);
  if (open) latched.current = value;
  return latched.current;
}
