/** The id of a reference's entry in a reference list: #ref-poole2016. */
export function referenceAnchor(key: string): string {
  return `ref-${key}`;
}
