// Where "Báo lỗi số liệu" links go: the one place to configure it.
// ERROR_REPORT_URL (build-time env) is a URL template, e.g.
//   https://github.com/<owner>/<repo>/issues/new?title={title}&body={body}
//   mailto:dulieu@example.vn?subject={title}&body={body}
// {title}, {body}, {id}, {url} are replaced by the URL-encoded figure details.
// Without it, links open a prefilled e-mail to FEEDBACK_EMAIL; no address is invented here:
// set FEEDBACK_EMAIL (or ERROR_REPORT_URL) for the deployment, otherwise the reader fills in the recipient.
import { fillErrorReport, fillErrorReportShort, type ErrorReportInput } from './feedback-link.ts';

export type { ErrorReportInput };

export const FEEDBACK_EMAIL = process.env.FEEDBACK_EMAIL ?? '';

export const ERROR_REPORT_TEMPLATE = process.env.ERROR_REPORT_URL || `mailto:${FEEDBACK_EMAIL}?subject={title}&body={body}`;

/** The prefilled issue or e-mail link for one figure. */
export function errorReportHref(input: ErrorReportInput, template = ERROR_REPORT_TEMPLATE): string {
  return fillErrorReport(template, input);
}

/** A figure's link as printed in pages: its id only; the browser fills in the rest (feedback-link.ts). */
export function errorReportShortHref(id: string, url: string, template = ERROR_REPORT_TEMPLATE): string {
  return fillErrorReportShort(template, id, url);
}
