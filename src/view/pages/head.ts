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
  jsonLd?: unknown;
  alternates?: { href: string; type: string; title: string }[];
  image?: string;
  ogType?: string;
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
