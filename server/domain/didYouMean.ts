// "Did you mean …?" for typos in file names, columns, enumerated values and ids (after graphql-js's didYouMean).
import { distance } from 'fastest-levenshtein';

/**
 * The option closest to the input (case-insensitive), if it is close enough to be a plausible typo.
 * `maxDistance` caps the edits allowed: ids share long prefixes ("org-…"), so 40% of one is not a typo.
 */
export function suggest(
  input: string,
  options: readonly string[],
  maxDistance = Infinity,
): string | undefined {
  const needle = input.toLowerCase();
  // Same threshold as graphql-js: about 40% of the input may differ.
  const threshold = Math.min(Math.floor(needle.length * 0.4) + 1, maxDistance);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of options) {
    const d = distance(needle, option.toLowerCase());
    if (d <= threshold && d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best;
}

/** ' (did you mean X?)' or '' — ready to append to a message. */
export function didYouMean(input: string, options: readonly string[], quote = false): string {
  const match = suggest(input, options);
  if (match === undefined) return '';
  return ` (did you mean ${quote ? JSON.stringify(match) : match}?)`;
}
