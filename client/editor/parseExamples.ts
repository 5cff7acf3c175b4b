// Splits examples.graphql into the editor's example tabs: one per operation, with the comment block
// written just above it as its explanation. Pure, so tests can read the same file the editor bundles.

export interface Example {
  name: string;
  comment: string;
  /** The operation, its comment first (so the tab explains itself). */
  query: string;
}

export function parseExamples(text: string): Example[] {
  const examples: Example[] = [];
  let comment: string[] = [];
  let current: { name: string; comment: string; lines: string[] } | null = null;
  const finish = () => {
    if (current) {
      const body = current.lines.join('\n').trim();
      examples.push({
        name: current.name,
        comment: current.comment,
        query: `# ${current.comment}\n${body}\n`,
      });
    }
    current = null;
  };
  for (const line of text.split('\n')) {
    const start = /^query (\w+)/.exec(line);
    if (start) {
      finish();
      current = { name: start[1]!, comment: comment.join(' '), lines: [line] };
      comment = [];
    } else if (current && !line.startsWith('#')) {
      current.lines.push(line);
      if (line === '}') finish();
    } else if (line.startsWith('#')) {
      comment.push(line.replace(/^#\s?/, ''));
    } else if (line.trim() === '') {
      comment = [];
    }
  }
  finish();
  return examples;
}
