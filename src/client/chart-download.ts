// Enhancement: "Tải SVG" and "Tải PNG" buttons under every build-time chart
// (figure.chart). The charts, their tables and CSV links work without it.

const XMLNS = 'http://www.w3.org/2000/svg';

/** The chart itself: the largest inline svg, i.e. the wide drawing (Chart.astro also holds a phone drawing; Plot legends add small swatch svgs). */
function mainSvg(figure: Element): SVGSVGElement | null {
  const svgs = [...figure.querySelectorAll<SVGSVGElement>('svg')];
  const area = (s: SVGSVGElement) => Number(s.getAttribute('width') ?? 0) * Number(s.getAttribute('height') ?? 0);
  return svgs.sort((a, b) => area(b) - area(a))[0] ?? null;
}

/** A standalone SVG file: namespace, explicit font and colour (no page CSS outside the file). */
export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', XMLNS);
  const style = getComputedStyle(svg);
  clone.setAttribute('font-family', style.fontFamily);
  clone.style.fontFamily = style.fontFamily; // the page's font, which a file cannot inherit
  clone.style.fontSize = style.fontSize; // global.css sets it on the page (no inline style, for the CSP)
  clone.setAttribute('color', style.color);
  clone.style.background = '#fff';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
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
    const title = figure.querySelector('figcaption')?.textContent?.trim() ?? 'biểu đồ';
    const tools = document.createElement('div');
    tools.className = 'chart-tools no-print';
    tools.append(
      button('Tải SVG', `Tải biểu đồ “${title}” dạng SVG`, () => save(new Blob([serializeSvg(svg)], { type: 'image/svg+xml;charset=utf-8' }), `${name}.svg`)),
      button('Tải PNG', `Tải biểu đồ “${title}” dạng PNG`, () => {
        const box = svg.viewBox.baseVal;
        const width = Number(svg.getAttribute('width')) || box?.width || svg.clientWidth;
        const height = Number(svg.getAttribute('height')) || box?.height || svg.clientHeight;
        toPng(serializeSvg(svg), width, height).then((png) => save(png, `${name}.png`), (e) => console.error('PNG', e));
      }),
    );
    const source = figure.querySelector('.chart-source');
    if (source) source.after(tools);
    else figure.append(tools);
  }
}

enhanceCharts();
