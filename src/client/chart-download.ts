// Enhancement: "Tải SVG" and "Tải PNG" buttons under every build-time chart
// (figure.chart). The charts, their tables and CSV links work without it.

const XMLNS = 'http://www.w3.org/2000/svg';

/** The chart itself: the largest inline svg, i.e. the wide drawing (Chart.astro also holds a phone drawing; Plot legends add small swatch svgs). */
function mainSvg(figure: Element): SVGSVGElement | null {
  const svgs = [...figure.querySelectorAll<SVGSVGElement>('svg')];
  const area = (s: SVGSVGElement) => Number(s.getAttribute('width') ?? 0) * Number(s.getAttribute('height') ?? 0);
  return svgs.sort((a, b) => area(b) - area(a))[0] ?? null;
}

/** Greedy word wrap at `max` characters (the export's header and footer lines). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface ExportInfo {
  title: string;
  subtitle: string;
  source: string;
  permalink: string;
  /** Download date, dd/mm/yyyy. */
  date: string;
}

/**
 * A self-contained chart file in the style of OWID: title, subtitle (unit, period, basis),
 * the chart, then source document(s), licence, permalink and date, so a shared image keeps its provenance.
 */
export function serializeSvg(svg: SVGSVGElement, info: ExportInfo): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const style = getComputedStyle(svg);
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal?.width || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal?.height || svg.clientHeight;
  const pad = 16;
  const chars = Math.floor((width + 2 * pad) / 8);
  const title = wrap(info.title, Math.floor((width + 2 * pad) / 10.5));
  const subtitle = info.subtitle ? wrap(info.subtitle, chars) : [];
  const footer = [...wrap(info.source, chars), ...wrap(`Giấy phép CC BY 4.0 · ${info.permalink}`, chars), `Tải về ngày ${info.date} · Dữ liệu CCHC Kon Tum`];
  const out: string[] = [];
  let y = pad + 18;
  for (const l of title) { out.push(`<text x="${pad}" y="${y}" font-size="18" font-weight="700">${esc(l)}</text>`); y += 22; }
  for (const l of subtitle) { out.push(`<text x="${pad}" y="${y}" font-size="13" fill="#4d5761">${esc(l)}</text>`); y += 17; }
  y += 8;
  clone.setAttribute('x', String(pad));
  clone.setAttribute('y', String(y));
  clone.setAttribute('overflow', 'visible');
  clone.removeAttribute('style');
  clone.removeAttribute('class');
  y += height + 14;
  const foot: string[] = [];
  for (const l of footer) { foot.push(`<text x="${pad}" y="${y}" font-size="11" fill="#4d5761">${esc(l)}</text>`); y += 15; }
  const total = Math.ceil(y + pad - 8);
  const outerWidth = Math.ceil(width + 2 * pad);
  const inner = new XMLSerializer().serializeToString(clone);
  // Plot's own <style> inside the chart stays; explicit font and colour because the page CSS does not travel.
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="${XMLNS}" width="${outerWidth}" height="${total}" viewBox="0 0 ${outerWidth} ${total}" font-family="${esc(style.fontFamily)}" font-size="${esc(style.fontSize)}" color="${esc(style.color)}" fill="${esc(style.color)}"><title>${esc(info.title)}</title><rect width="100%" height="100%" fill="#fff"/>${out.join('')}${inner}${foot.join('')}</svg>`;
}

function exportInfo(figure: HTMLElement): ExportInfo {
  const d = new Date();
  const pad2 = (n: number) => String(n).padStart(2, '0');
  return {
    title: figure.querySelector('.chart-title')?.textContent?.trim() ?? figure.querySelector('figcaption')?.textContent?.trim() ?? '',
    subtitle: figure.querySelector('.chart-subtitle')?.textContent?.trim() ?? '',
    source: figure.dataset.source ?? figure.querySelector('.chart-source')?.textContent?.replace(/·.*$/, '').trim() ?? '',
    permalink: figure.dataset.permalink ?? `${location.origin}${location.pathname}#${figure.id}`,
    date: `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}`,
  };
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function toPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

function button(label: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

export function enhanceCharts(root: ParentNode = document) {
  for (const figure of root.querySelectorAll<HTMLElement>('figure.chart')) {
    if (figure.querySelector('.chart-tools')) continue;
    const svg = mainSvg(figure);
    if (!svg) continue;
    const name = figure.id || 'bieu-do';
    const title = figure.querySelector('.chart-title')?.textContent?.trim() ?? figure.querySelector('figcaption')?.textContent?.trim() ?? 'biểu đồ';
    const tools = document.createElement('div');
    tools.className = 'chart-tools no-print';
    tools.append(
      button('Tải SVG', `Tải biểu đồ “${title}” dạng SVG`, () => save(new Blob([serializeSvg(svg, exportInfo(figure))], { type: 'image/svg+xml;charset=utf-8' }), `${name}.svg`)),
      button('Tải PNG', `Tải biểu đồ “${title}” dạng PNG`, () => {
        const text = serializeSvg(svg, exportInfo(figure));
        const m = text.match(/<svg[^>]* width="(\d+)" height="(\d+)"/);
        toPng(text, Number(m?.[1] ?? 640), Number(m?.[2] ?? 400)).then((png) => save(png, `${name}.png`), (e) => console.error('PNG', e));
      }),
    );
    const source = figure.querySelector('.chart-source');
    if (source) source.after(tools);
    else figure.append(tools);
  }
}

enhanceCharts();
