// The "Báo lỗi số liệu" link filled from a URL template. No imports and no process.env: the browser
// (src/client/citation.ts) completes a figure's link with the same code the build uses, from the
// template the page carries (src/core/feedback.ts reads it from the environment at build time).

export interface ErrorReportInput {
  /** Figure key "<report-id>/<figure-id>" (or an indicator id). */
  id: string;
  /** What the reader sees: label and printed value. */
  label: string;
  value: string;
  /** Absolute permalink of the figure. */
  url: string;
}

function fill(template: string, values: Record<'title' | 'body' | 'id' | 'url', string>): string {
  if (!/^(https:|mailto:)/.test(template)) throw new Error(`ERROR_REPORT_URL must start with https: or mailto: (got "${template}")`);
  return template.replace(/\{(title|body|id|url)\}/g, (_, k: keyof typeof values) => encodeURIComponent(values[k]));
}

/** The prefilled issue or e-mail link for one figure. */
export function fillErrorReport(template: string, input: ErrorReportInput): string {
  const body = [
    `Số liệu: ${input.label}`,
    `Giá trị trên cổng: ${input.value}`,
    `Mã: ${input.id}`,
    `Liên kết: ${input.url}`,
    '',
    'Mô tả lỗi (giá trị đúng theo văn bản, trang/mục):',
    '',
  ].join('\n');
  return fill(template, { title: `Báo lỗi số liệu ${input.id}`, body, id: input.id, url: input.url });
}

/**
 * The link a page prints for each figure: the figure id only (a report page lists ~200 figures, and
 * the full prefilled text was ~750 bytes of href each). With JS, src/client/citation.ts swaps in
 * fillErrorReport's full text when the figure's citation is unfolded.
 */
export function fillErrorReportShort(template: string, id: string, url: string): string {
  // The id is in the title already: an empty body saves ~60 bytes a row.
  return fill(template, { title: `Báo lỗi số liệu ${id}`, body: '', id, url });
}
