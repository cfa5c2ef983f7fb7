// What a route hands its layout (src/layouts/Base.astro): title, description, breadcrumbs,
// JSON-LD, share image. One shape so every view-model fills it the same way.

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageHead {
  title: string;
  description?: string;
  breadcrumbs?: Crumb[];
  /** JSON-LD object (schema.org) for this page. */
  jsonLd?: unknown;
  /** Machine-readable versions of this page (DCAT RDF), as <link rel="alternate">. */
  alternates?: { href: string; type: string; title: string }[];
  /** Share image (site path of a PNG rendered at build time); the site's default card otherwise. */
  image?: string;
  /** OpenGraph type: "article" for reports, "website" elsewhere. */
  ogType?: string;
  /** Embed pages: no header, navigation or footer. */
  bare?: boolean;
}

/** A route's unknown id is a build bug (getStaticPaths lists only known ids), named rather than crashing later on undefined. */
export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`Không có ${what}`);
  return value;
}

/** Static paths of a route whose one parameter is `id`. */
export function idPaths(ids: string[]): { params: { id: string } }[] {
  return ids.map((id) => ({ params: { id } }));
}
