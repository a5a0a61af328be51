/** A status word with a colour that is never the only cue (the word is always there). */
export function Badge({ value }: { value: string }) {
  return <span className={`badge badge-${value.toLowerCase()}`}>{value}</span>;
}
