// Where "Báo lỗi số liệu" links go: the one place to configure it.
// ERROR_REPORT_URL (build-time env) is a URL template, e.g.
//   https://github.com/<owner>/<repo>/issues/new?title={title}&body={body}
//   mailto:dulieu@example.vn?subject={title}&body={body}
// {title}, {body}, {id}, {url} are replaced by the URL-encoded figure details.
// Without it, links open a prefilled e-mail to FEEDBACK_EMAIL; no address is invented here:
// set FEEDBACK_EMAIL (or ERROR_REPORT_URL) for the deployment, otherwise the reader fills in the recipient.

export const FEEDBACK_EMAIL = process.env.FEEDBACK_EMAIL ?? '';

export const ERROR_REPORT_TEMPLATE = process.env.ERROR_REPORT_URL || `mailto:${FEEDBACK_EMAIL}?subject={title}&body={body}`;

export interface ErrorReportInput {
  /** Figure key "<report-id>/<figure-id>" (or an indicator id). */
  id: string;
  /** What the reader sees: label and printed value. */
  label: string;
  value: string;
  /** Absolute permalink of the figure. */
  url: string;
}

/** The prefilled issue or e-mail link for one figure. */
export function errorReportHref(input: ErrorReportInput, template = ERROR_REPORT_TEMPLATE): string {
  if (!/^(https:|mailto:)/.test(template)) throw new Error(`ERROR_REPORT_URL must start with https: or mailto: (got "${template}")`);
  const title = `Báo lỗi số liệu ${input.id}`;
  const body = [
    `Số liệu: ${input.label}`,
    `Giá trị trên cổng: ${input.value}`,
    `Mã: ${input.id}`,
    `Liên kết: ${input.url}`,
    '',
    'Mô tả lỗi (giá trị đúng theo văn bản, trang/mục):',
    '',
  ].join('\n');
  const values: Record<string, string> = { title, body, id: input.id, url: input.url };
  return template.replace(/\{(title|body|id|url)\}/g, (_, k: string) => encodeURIComponent(values[k]));
}
