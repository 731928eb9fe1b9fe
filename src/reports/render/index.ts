import type { InterviewResultsDto } from '../dto/interview-results.dto';
import type { SessionReportDto } from '../dto/session-report.dto';
import { renderReportCsv } from './report-csv';
import { REPORT_HTML_CSP, renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';
import { renderResultsCsv } from './results-csv';

export interface RenderedDocument {
  contentType: string;
  body: string;
  contentDisposition: string;
  /** Extra response headers the document needs (the HTML page's CSP). */
  headers: Record<string, string>;
}

export function renderSessionReport(report: SessionReportDto, format: 'csv' | 'md' | 'html'): RenderedDocument {
  const base = `assay-report-${report.sessionId}`;
  switch (format) {
    case 'csv':
      return { contentType: 'text/csv; charset=utf-8; header=present', body: renderReportCsv(report), contentDisposition: `attachment; filename="${base}.csv"`, headers: {} };
    case 'md':
      return { contentType: 'text/markdown; charset=utf-8', body: renderReportMarkdown(report), contentDisposition: `inline; filename="${base}.md"`, headers: {} };
    case 'html':
      return {
        contentType: 'text/html; charset=utf-8',
        body: renderReportHtml(report),
        contentDisposition: `inline; filename="${base}.html"`,
        headers: { 'Content-Security-Policy': REPORT_HTML_CSP },
      };
  }
}

export function renderInterviewResults(results: InterviewResultsDto): RenderedDocument {
  return {
    contentType: 'text/csv; charset=utf-8; header=present',
    body: renderResultsCsv(results),
    contentDisposition: `attachment; filename="assay-results-${results.interviewId}.csv"`,
    headers: {},
  };
}
